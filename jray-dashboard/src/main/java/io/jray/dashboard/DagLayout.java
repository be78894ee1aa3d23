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
 * order they were found, edges from each argument to the task taking it. A graph of more than
 * {@value #COMPACT_ABOVE} vertices is drawn compact, so a thousand tasks fit a screen or two: small
 * boxes without labels (their tooltips name them), a depth's column wrapped every
 * {@value #COMPACT_ROWS} boxes.
 *
 * @param boxes the vertices, positioned
 * @param edges the edges, as line end points
 * @param width the drawing's width
 * @param height the drawing's height
 * @param depth the graph's depth (tasks on its longest chain)
 * @param taskLayers how many depths hold tasks
 * @param compact whether the boxes are small and unlabelled
 */
record DagLayout(List<Box> boxes, List<Edge> edges, int width, int height, int depth, int taskLayers,
        boolean compact) {

    static final int COMPACT_ABOVE = 150;
    static final int COMPACT_ROWS = 48;
    private static final int MARGIN = 20;
    private static final Size FULL = new Size(150, 30, 44, 50, Integer.MAX_VALUE);
    private static final Size SMALL = new Size(56, 14, 18, 40, COMPACT_ROWS);

    /** The boxes' size, the distance of rows, the gap between depths, and the boxes a column holds. */
    private record Size(int width, int height, int row, int gap, int rows) {
    }

    /**
     * A vertex at its place; {@code label} names its function (or "value"), {@code stateCode} its
     * state; {@code w} and {@code h} are its box's size.
     */
    record Box(String id, String label, String state, String stateCode, String css, int depth, int x, int y, int w,
            int h, boolean task) {
    }

    /** An edge from the right side of an argument to the left side of the task taking it. */
    record Edge(int x1, int y1, int x2, int y2) {
    }

    static DagLayout of(TaskGraph.Graph graph) {
        TreeMap<Integer, List<TaskGraph.Vertex>> columns = new TreeMap<>();
        graph.vertices().values().forEach(v -> columns.computeIfAbsent(v.depth(), d -> new ArrayList<>()).add(v));
        boolean compact = graph.vertices().size() > COMPACT_ABOVE;
        Size size = compact ? SMALL : FULL;
        Map<ObjectId, Box> placed = new HashMap<>();
        List<Box> boxes = new ArrayList<>();
        int rows = 0;
        int x = MARGIN;
        for (List<TaskGraph.Vertex> vertices : columns.values()) {
            rows = Math.max(rows, Math.min(vertices.size(), size.rows()));
            for (int i = 0; i < vertices.size(); i++) {
                TaskGraph.Vertex v = vertices.get(i);
                Box box = new Box(v.id().toString(), v.isTask() ? label(v.function()) : "value", TaskStates.name(v.state()),
                        v.state(), "state-" + v.state(), v.depth(), x + i / size.rows() * (size.width() + 8),
                        MARGIN + i % size.rows() * size.row(), size.width(), size.height(), v.isTask());
                placed.put(v.id(), box);
                boxes.add(box);
            }
            int wraps = (vertices.size() + size.rows() - 1) / size.rows();
            x += wraps * (size.width() + 8) - 8 + size.gap();
        }
        List<Edge> edges = new ArrayList<>();
        for (TaskGraph.Vertex v : graph.vertices().values()) {
            Box to = placed.get(v.id());
            for (ObjectId dep : v.dependencies()) {
                Box from = placed.get(dep);
                edges.add(new Edge(from.x() + from.w(), from.y() + from.h() / 2, to.x(), to.y() + to.h() / 2));
            }
        }
        int width = Math.max(x - size.gap(), MARGIN) + MARGIN;
        int taskLayers = (int) columns.keySet().stream().filter(depth -> depth > 0).count();
        return new DagLayout(boxes, edges, width, MARGIN * 2 + Math.max(1, rows) * size.row(), graph.depth(), taskLayers,
                compact);
    }

    private static String label(String function) {
        String name = FunctionId.shortName(function);
        int paren = name.indexOf('(');
        return paren < 0 ? name : name.substring(0, paren);
    }
}
