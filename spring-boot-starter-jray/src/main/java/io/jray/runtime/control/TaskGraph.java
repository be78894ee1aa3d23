package io.jray.runtime.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.async.RedisAsyncCommands;

import io.jray.runtime.core.ObjectId;

/**
 * Reads the task graph that ends in one task (or in several): the task and, transitively, the tasks
 * and values it took as arguments, one pipelined read per layer, at most {@code limit} of them. Records of freed
 * objects keep their edges for the retention time, so a finished computation can still be drawn.
 */
public final class TaskGraph {

    /**
     * A vertex of the graph.
     *
     * @param id the task or value
     * @param function the function id, or {@code null} for a put value
     * @param state W, Q, R, F, E or C
     * @param node the node that ran it, or {@code null}
     * @param dependencies the vertices it took as arguments
     * @param depth tasks on the longest chain of dependencies ending in it (values count 0)
     */
    public record Vertex(ObjectId id, String function, String state, String node, List<ObjectId> dependencies,
            int depth) {

        public boolean isTask() {
            return function != null && !function.isEmpty();
        }
    }

    /**
     * The graph: vertices by id, in the order they were found from the end task.
     *
     * @param end the task it ends in
     * @param vertices its vertices
     * @param truncated whether more vertices exist than the limit allowed
     */
    public record Graph(ObjectId end, Map<ObjectId, Vertex> vertices, boolean truncated) {

        /** The depth of the deepest vertex. */
        public int depth() {
            return vertices.values().stream().mapToInt(Vertex::depth).max().orElse(0);
        }
    }

    private static final String[] FIELDS = RecordField.codes(RecordField.FUNCTION_ID, RecordField.STATE,
            RecordField.NODE, RecordField.DEPENDENCIES);

    private final ControlPlane control;

    public TaskGraph(ControlPlane control) {
        this.control = control;
    }

    /** The graph ending in {@code end}; empty when Redis has no record of it. */
    public Graph read(ObjectId end, int limit) throws Exception {
        return read(List.of(end), limit);
    }

    /**
     * The graph ending in the tasks {@code ends} (the first one names it): their union, each vertex
     * once; empty when Redis has no record of any.
     */
    public Graph read(List<ObjectId> ends, int limit) throws Exception {
        RedisAsyncCommands<String, String> redis = control.redis().text();
        Map<ObjectId, List<String>> records = new LinkedHashMap<>();
        List<ObjectId> layer = List.copyOf(new LinkedHashSet<>(ends.size() > limit ? ends.subList(0, limit) : ends));
        boolean truncated = ends.size() > limit;
        while (!layer.isEmpty()) {
            List<CompletableFuture<List<KeyValue<String, String>>>> reads = layer.stream()
                    .map(id -> redis.hmget(control.keys().record(id.job(), id.id()), FIELDS).toCompletableFuture())
                    .toList();
            List<ObjectId> next = new ArrayList<>();
            for (int i = 0; i < layer.size(); i++) {
                List<String> fields = reads.get(i).get(10, TimeUnit.SECONDS).stream()
                        .map(kv -> kv.getValueOrElse(null)).toList();
                if (fields.get(1) == null) {
                    continue;
                }
                records.put(layer.get(i), fields);
                for (ObjectId dep : dependencies(layer.get(i), fields.get(3))) {
                    if (!records.containsKey(dep) && !next.contains(dep)) {
                        if (records.size() + next.size() >= limit) {
                            truncated = true;
                            break;
                        }
                        next.add(dep);
                    }
                }
            }
            layer = next;
        }
        Map<ObjectId, Integer> depths = new HashMap<>();
        Map<ObjectId, Vertex> vertices = new LinkedHashMap<>();
        for (ObjectId id : records.keySet()) {
            List<String> fields = records.get(id);
            vertices.put(id, new Vertex(id, control.records().function(id.job(), fields.get(0)), fields.get(1), fields.get(2),
                    dependencies(id, fields.get(3)).stream().filter(records::containsKey).toList(),
                    depth(id, records, depths)));
        }
        return new Graph(ends.getFirst(), vertices, truncated);
    }

    private static List<ObjectId> dependencies(ObjectId of, String deps) {
        List<ObjectId> out = new ArrayList<>();
        if (deps != null && !deps.isBlank()) {
            for (String dep : deps.trim().split(" ")) {
                out.add(new ObjectId(of.job(), dep));
            }
        }
        return out;
    }

    /** Depth without recursion: a long chain must not overflow the stack. */
    private static int depth(ObjectId start, Map<ObjectId, List<String>> records, Map<ObjectId, Integer> depths) {
        List<ObjectId> stack = new ArrayList<>(List.of(start));
        Set<ObjectId> onStack = new HashSet<>(stack);
        while (!stack.isEmpty()) {
            ObjectId id = stack.getLast();
            if (depths.containsKey(id)) {
                stack.removeLast();
                continue;
            }
            List<String> fields = records.get(id);
            int deepest = 0;
            boolean ready = true;
            for (ObjectId dep : dependencies(id, fields.get(3))) {
                if (!records.containsKey(dep) || (onStack.contains(dep) && !depths.containsKey(dep))) {
                    // why: a malformed record naming a cycle must not loop forever; its edge counts 0
                    continue;
                }
                Integer known = depths.get(dep);
                if (known == null) {
                    stack.add(dep);
                    onStack.add(dep);
                    ready = false;
                }
                else {
                    deepest = Math.max(deepest, known);
                }
            }
            if (ready) {
                stack.removeLast();
                boolean task = fields.get(0) != null && !fields.get(0).isEmpty();
                depths.put(id, task ? deepest + 1 : 0);
            }
        }
        return depths.get(start);
    }
}
