package io.jray.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.jray.runtime.control.TaskGraph;
import io.jray.runtime.function.FunctionId;
import io.jray.runtime.task.ObjectId;

/**
 * Lays a task graph out for an SVG drawn on the server: one column per depth (values at depth 0
 * on the left, the end task on the right; empty columns on the left are left out), vertices in the
 * order they were found, edges from each argument to the task taking it.
 *
 * @param boxes the vertices, positioned
 * @param edges the edges, as line end points
 * @param width the drawing's width
 * @param height the drawing's height
 * @param depth the graph's depth (tasks on its longest chain)
 * @param taskLayers how many depths hold tasks
 */
record DagLayout(List<Box> boxes, List<Edge> edges, int width, int height, int depth, int taskLayers) {

    static final int BOX_WIDTH = 150;
    static final int BOX_HEIGHT = 30;
    private static final int COLUMN = 200;
    private static final int ROW = 44;
    private static final int MARGIN = 20;

    /** A vertex at its place; {@code label} names its function (or "value"), {@code stateCode} its state. */
    record Box(String id, String label, String state, String stateCode, String css, int depth, int x, int y,
            boolean task) {
    }

    /** An edge from the right side of an argument to the left side of the task taking it. */
    record Edge(int x1, int y1, int x2, int y2) {
    }

    static DagLayout of(TaskGraph.Graph graph) {
        TreeMap<Integer, List<TaskGraph.Vertex>> columns = new TreeMap<>();
        graph.vertices().values().forEach(v -> columns.computeIfAbsent(v.depth(), d -> new ArrayList<>()).add(v));
        Map<ObjectId, Box> placed = new HashMap<>();
        List<Box> boxes = new ArrayList<>();
        int rows = 0;
        int first = columns.isEmpty() ? 0 : columns.firstKey();
        int last = columns.isEmpty() ? 0 : columns.lastKey();
        for (Map.Entry<Integer, List<TaskGraph.Vertex>> column : columns.entrySet()) {
            List<TaskGraph.Vertex> vertices = column.getValue();
            rows = Math.max(rows, vertices.size());
            for (int i = 0; i < vertices.size(); i++) {
                TaskGraph.Vertex v = vertices.get(i);
                Box box = new Box(v.id().toString(), v.isTask() ? label(v.function()) : "value", state(v.state()),
                        v.state(), "state-" + v.state(), v.depth(), MARGIN + (column.getKey() - first) * COLUMN, MARGIN + i * ROW,
                        v.isTask());
                placed.put(v.id(), box);
                boxes.add(box);
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (TaskGraph.Vertex v : graph.vertices().values()) {
            Box to = placed.get(v.id());
            for (ObjectId dep : v.dependencies()) {
                Box from = placed.get(dep);
                edges.add(new Edge(from.x() + BOX_WIDTH, from.y() + BOX_HEIGHT / 2, to.x(), to.y() + BOX_HEIGHT / 2));
            }
        }
        int width = MARGIN * 2 + (last - first) * COLUMN + BOX_WIDTH;
        int taskLayers = (int) columns.keySet().stream().filter(depth -> depth > 0).count();
        return new DagLayout(boxes, edges, width, MARGIN * 2 + Math.max(1, rows) * ROW, graph.depth(), taskLayers);
    }

    private static String label(String function) {
        String name = FunctionId.shortName(function);
        int paren = name.indexOf('(');
        return paren < 0 ? name : name.substring(0, paren);
    }

    private static String state(String code) {
        return switch (code) {
            case "W" -> "waiting";
            case "Q" -> "queued";
            case "R" -> "running";
            case "F" -> "finished";
            case "E" -> "failed";
            case "C" -> "cancelled";
            default -> code;
        };
    }
}
