package io.jray.dashboard;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriComponentsBuilder;

import io.jray.dashboard.dag.DagDrawing;

/** The DAG page's links, relative to {@code /jray/dag}: a task's page, the graph with a group expanded or folded. */
final class DagLinks {

    private DagLinks() {
    }

    static String task(String id) {
        return UriComponentsBuilder.fromPath("task").queryParam("id", id).encode().build().toUriString();
    }

    /** The graph of a whole job, from the Jobs page (relative to {@code /jray/jobs}). */
    static String job(String job) {
        return UriComponentsBuilder.fromPath("dag").queryParam("job", job).encode().build().toUriString();
    }

    /** This graph with {@code key} expanded as well. */
    static String expanded(DagSource source, Set<String> expanded, String key) {
        Set<String> keys = new LinkedHashSet<>(expanded);
        keys.add(key);
        return graph(source, keys);
    }

    /** For each expanded group, named as the page names it, this graph with that group folded again. */
    static Map<String, String> collapseLinks(DagSource source, Set<String> expanded) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String key : expanded) {
            Set<String> others = new LinkedHashSet<>(expanded);
            others.remove(key);
            links.put(DagDrawing.groupName(key), graph(source, others));
        }
        return links;
    }

    private static String graph(DagSource source, Set<String> expanded) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("dag");
        source.parameters().forEach(link::queryParam);
        expanded.forEach(key -> link.queryParam("expand", key));
        return link.encode().build().toUriString();
    }
}
