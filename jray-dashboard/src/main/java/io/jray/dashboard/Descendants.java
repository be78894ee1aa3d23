package io.jray.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jray.runtime.control.TaskGraph;
import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.core.ObjectId;

/**
 * What grew from a task: it and, transitively, the tasks that took a result of it as an argument,
 * as the history records them (the first 50 dependents of each task), at most {@code limit}; two
 * pipelined reads per layer.
 */
final class Descendants {

    private Descendants() {
    }

    static List<ObjectId> of(ObjectId root, TaskHistory history, int limit) throws Exception {
        Set<ObjectId> found = new LinkedHashSet<>(List.of(root));
        List<ObjectId> layer = List.of(root);
        while (!layer.isEmpty() && found.size() < limit) {
            List<ObjectId> next = new ArrayList<>();
            for (List<ObjectId> dependents : history.dependents(layer).values()) {
                for (ObjectId dependent : dependents) {
                    if (found.size() < limit && found.add(dependent)) {
                        next.add(dependent);
                    }
                }
            }
            layer = next;
        }
        return List.copyOf(found);
    }

    /**
     * The part of a graph (read as the graphs ending in each of {@code grown}, so with their other
     * arguments too) that grew from the first of them: only those vertices, and edges among them.
     */
    static TaskGraph.Graph only(TaskGraph.Graph graph, List<ObjectId> grown) {
        Set<ObjectId> keep = new LinkedHashSet<>(grown);
        Map<ObjectId, TaskGraph.Vertex> vertices = new LinkedHashMap<>();
        graph.vertices().forEach((id, v) -> {
            if (keep.contains(id)) {
                vertices.put(id, new TaskGraph.Vertex(id, v.function(), v.state(), v.node(),
                        v.dependencies().stream().filter(keep::contains).toList(), v.depth()));
            }
        });
        return new TaskGraph.Graph(grown.getFirst(), vertices, graph.truncated());
    }
}
