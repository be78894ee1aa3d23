package io.jray.dashboard.dag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.jray.dashboard.TaskStates;
import io.jray.runtime.control.RecordState;
import io.jray.runtime.control.TaskGraph;
import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.function.FunctionId;

/**
 * A task graph drawn for the DAG page: its boxes (vertices, or groups of one function at one depth
 * with their counts by state), sized to their labels in the page's 12 px monospace font, placed in
 * layers by {@link LayeredLayout}, and its edges as routed paths.
 *
 * @param boxes what is drawn, placed
 * @param edges the routed edges
 * @param width the drawing's width
 * @param height the drawing's height
 * @param depth the graph's depth (tasks on its longest chain)
 * @param taskLayers how many depths hold tasks
 * @param vertices the graph's vertices, drawn or grouped
 * @param groups how many groups are drawn folded
 * @param members the grouped vertices as a JSON object {@code {id: [group key, state]}}, for live counts
 */
public record DagDrawing(List<Box> boxes, List<Edge> edges, int width, int height, int depth, int taskLayers,
        int vertices, int groups, String members) {

    /** The advance of one character of the labels' font (12 px monospace is 7.2 px). */
    static final double CHAR_WIDTH = 7.4;
    static final int PAD_X = 10;
    static final int LINE_HEIGHT = 16;
    static final int PAD_Y = 8;
    static final int MIN_WIDTH = 64;

    /**
     * A box drawn.
     *
     * @param key what it draws: a task id, or {@code group:<function>@<depth>}
     * @param href where a click goes: the task's page, or the graph with the group expanded
     * @param lines its text, one entry a line
     * @param stateCode its state, or for a group the state that colours it
     * @param title its tooltip
     * @param group whether it stands for several vertices
     * @param task whether it is (or groups) tasks rather than put values
     * @param depth the depth of what it draws
     * @param groupKey the group ({@code <function>@<depth>}) it is or belongs to
     */
    public record Box(String key, String href, List<String> lines, String stateCode, String title, boolean group,
            boolean task, int depth, String groupKey, int x, int y, int w, int h) {

        /** The CSS classes of its {@code <g>}. */
        public String css() {
            return (group ? "vertex group" : "vertex") + " state-" + stateCode;
        }
    }

    /** An edge as an SVG path; {@code count} edges of the graph when it joins groups. */
    public record Edge(String path, int count) {
    }

    /**
     * Draws a graph.
     *
     * @param expanded the group keys ({@code <function>@<depth>}) to draw one vertex at a time
     * @param taskLink the link of a task's page, from its id
     * @param expandLink the link of this graph with a group key expanded too
     */
    public static DagDrawing of(TaskGraph.Graph graph, Set<String> expanded, Function<String, String> taskLink,
            Function<String, String> expandLink) {
        Grouping grouping = Grouping.of(graph, expanded);
        List<LayeredLayout.Node> nodes = new ArrayList<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Grouping.Element element : grouping.elements()) {
            List<String> text = lines(element);
            lines.put(element.key(), text);
            int longest = text.stream().mapToInt(String::length).max().orElse(0);
            if (element.group()) {
                // why: room for the counts as the group's tasks move on, so a live update stays inside the box
                String n = Integer.toString(element.members().size());
                longest = Math.max(longest, (n + " running, " + n + " finished").length());
            }
            nodes.add(new LayeredLayout.Node(element.key(), Math.max(MIN_WIDTH, (int) Math.ceil(longest * CHAR_WIDTH) + 2 * PAD_X),
                    text.size() * LINE_HEIGHT + 2 * PAD_Y - 4));
        }
        LayeredLayout.Result result = LayeredLayout.layout(nodes, grouping.links());
        List<Box> boxes = new ArrayList<>();
        StringBuilder members = new StringBuilder("{");
        for (int i = 0; i < nodes.size(); i++) {
            Grouping.Element element = grouping.elements().get(i);
            LayeredLayout.Node node = nodes.get(i);
            LayeredLayout.Place place = result.places().get(node.key());
            TaskGraph.Vertex first = element.first();
            String state = element.group() ? groupState(element.members()) : first.state();
            String href = element.group() ? expandLink.apply(element.groupKey()) : taskLink.apply(first.id().toString());
            String title = element.group()
                    ? element.members().size() + (first.isTask() ? " tasks of " + first.function() : " put values")
                            + " at depth " + first.depth() + ": click to draw them one by one"
                    : first.id() + " · " + lines.get(node.key()).getFirst() + " · " + TaskStates.name(first.state());
            boxes.add(new Box(element.key(), href, lines.get(node.key()), state, title, element.group(), first.isTask(),
                    first.depth(), element.groupKey(), place.x(), place.y(), node.width(), node.height()));
            if (element.group()) {
                for (TaskGraph.Vertex v : element.members()) {
                    members.append(members.length() > 1 ? "," : "").append(json(v.id().toString())).append(":[")
                            .append(json(element.key())).append(',').append(json(v.state())).append(']');
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < grouping.links().size(); i++) {
            edges.add(new Edge(path(result.routes().get(i)), grouping.links().get(i).count()));
        }
        int taskLayers = (int) graph.vertices().values().stream().filter(TaskGraph.Vertex::isTask)
                .map(TaskGraph.Vertex::depth).distinct().count();
        int groups = (int) grouping.elements().stream().filter(Grouping.Element::group).count();
        return new DagDrawing(boxes, edges, result.width(), result.height(), graph.depth(), taskLayers,
                graph.vertices().size(), groups, members.append('}').toString());
    }

    /** A box's text: its function's short name (or "value"); for a group also its count and states. */
    static List<String> lines(Grouping.Element element) {
        TaskGraph.Vertex first = element.first();
        String label = first.isTask() ? label(first.function()) : "value";
        if (!element.group()) {
            return List.of(label);
        }
        return List.of(label + " ×" + element.members().size(), counts(element.members()));
    }

    /** "12 finished, 4 running": the members' states, in the order of {@link TaskHistory#STATES}. */
    static String counts(List<TaskGraph.Vertex> members) {
        Map<String, Long> byState = members.stream()
                .collect(Collectors.groupingBy(v -> v.state() == null ? "?" : v.state(), Collectors.counting()));
        List<String> parts = new ArrayList<>();
        for (String state : TaskHistory.STATES) {
            Long n = byState.get(state);
            if (n != null) {
                parts.add(n + " " + TaskStates.name(state));
            }
        }
        return String.join(", ", parts);
    }

    private static final List<RecordState> GROUP_COLOURS = List.of(RecordState.FAILED, RecordState.RUNNING,
            RecordState.QUEUED, RecordState.WAITING, RecordState.CANCELLED, RecordState.DEAD);

    /** The state that colours a group: failed if any failed, else running, queued, waiting, cancelled, dead; finished when all are. */
    static String groupState(List<TaskGraph.Vertex> members) {
        Set<String> states = members.stream().map(TaskGraph.Vertex::state).collect(Collectors.toSet());
        for (RecordState state : GROUP_COLOURS) {
            if (states.contains(state.code())) {
                return state.code();
            }
        }
        return RecordState.FINISHED.code();
    }

    /** How the page names a group key: "Adder#add at depth 3", or "values at depth 0". */
    public static String groupName(String groupKey) {
        int at = groupKey.lastIndexOf('@');
        String what = groupKey.substring(0, at);
        return ("value".equals(what) ? "values" : label(what)) + " at depth " + groupKey.substring(at + 1);
    }

    private static String label(String function) {
        String name = FunctionId.shortName(function);
        int paren = name.indexOf('(');
        return paren < 0 ? name : name.substring(0, paren);
    }

    private static String path(List<double[]> points) {
        StringBuilder path = new StringBuilder();
        for (double[] p : points) {
            path.append(path.isEmpty() ? "M" : " L").append(Math.round(p[0])).append(' ').append(Math.round(p[1]));
        }
        return path.toString();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
