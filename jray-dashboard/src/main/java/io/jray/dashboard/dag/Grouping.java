package io.jray.dashboard.dag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jray.runtime.control.TaskGraph;
import io.jray.runtime.core.ObjectId;

/**
 * What the page draws of a graph: each vertex as itself while the graph is small, else the vertices
 * of one function (or the values) at one depth as one group, unless that group is expanded; the
 * edges between what is drawn, counted.
 */
final class Grouping {

    /** Graphs with more vertices than this are summarised. */
    static final int SUMMARISE_ABOVE = 40;

    /** The most members an expanded group draws one by one. */
    static final int MAX_EXPANDED = 300;

    /** One thing drawn: a single vertex, or a group of vertices with its key. */
    record Element(String key, List<TaskGraph.Vertex> members, boolean group, String groupKey) {

        TaskGraph.Vertex first() {
            return members.getFirst();
        }
    }

    /** How many graph edges run from one drawn element to another. */
    record Link(String from, String to, int count) {
    }

    private final List<Element> elements;
    private final List<Link> links;

    private Grouping(List<Element> elements, List<Link> links) {
        this.elements = elements;
        this.links = links;
    }

    List<Element> elements() {
        return elements;
    }

    List<Link> links() {
        return links;
    }

    /** The key that names the group a vertex belongs to: its function (or "value") and depth. */
    static String groupKey(TaskGraph.Vertex vertex) {
        return (vertex.isTask() ? vertex.function() : "value") + "@" + vertex.depth();
    }

    static Grouping of(TaskGraph.Graph graph, Set<String> expanded) {
        boolean summarise = graph.vertices().size() > SUMMARISE_ABOVE;
        Map<String, List<TaskGraph.Vertex>> byGroup = new LinkedHashMap<>();
        graph.vertices().values().forEach(v -> byGroup.computeIfAbsent(groupKey(v), k -> new ArrayList<>()).add(v));
        List<Element> elements = new ArrayList<>();
        Map<ObjectId, String> drawnAs = new HashMap<>();
        for (Map.Entry<String, List<TaskGraph.Vertex>> group : byGroup.entrySet()) {
            List<TaskGraph.Vertex> members = group.getValue();
            boolean open = !summarise || members.size() == 1
                    || (expanded.contains(group.getKey()) && members.size() <= MAX_EXPANDED);
            if (open) {
                for (TaskGraph.Vertex v : members) {
                    elements.add(new Element(v.id().toString(), List.of(v), false, group.getKey()));
                    drawnAs.put(v.id(), v.id().toString());
                }
            }
            else {
                String key = "group:" + group.getKey();
                elements.add(new Element(key, List.copyOf(members), true, group.getKey()));
                members.forEach(v -> drawnAs.put(v.id(), key));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TaskGraph.Vertex v : graph.vertices().values()) {
            String to = drawnAs.get(v.id());
            for (ObjectId dependency : v.dependencies()) {
                String from = drawnAs.get(dependency);
                if (from != null && !from.equals(to)) {
                    counts.merge(from + "\n" + to, 1, Integer::sum);
                }
            }
        }
        List<Link> links = new ArrayList<>();
        counts.forEach((pair, count) -> {
            int split = pair.indexOf('\n');
            links.add(new Link(pair.substring(0, split), pair.substring(split + 1), count));
        });
        return new Grouping(elements, links);
    }
}
