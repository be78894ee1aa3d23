package io.jray.dashboard.dag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.jray.runtime.control.TaskGraph;
import io.jray.runtime.core.ObjectId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graphs as the tutorial and users make them, laid out: no two boxes overlap, every box is inside
 * the drawing and wide enough for its label, and the shape reads as what it is.
 */
class DagDrawingTest {

    private static final String ADD = "io.jray.sample.Tutorial#add(int,int)";
    private static final String MAP = "io.jray.sample.WordTasks#countWords(java.lang.String)";
    private static final String REDUCE = "io.jray.sample.WordTasks#merge(java.util.Map,java.util.Map)";

    /** Builds graphs vertex by vertex, computing depths as the control plane does. */
    private static final class Builder {
        private final Map<ObjectId, TaskGraph.Vertex> vertices = new LinkedHashMap<>();
        private int next;

        ObjectId value() {
            ObjectId id = new ObjectId("job", "v" + next++);
            vertices.put(id, new TaskGraph.Vertex(id, null, "F", null, List.of(), 0));
            return id;
        }

        ObjectId task(String function, String state, ObjectId... args) {
            ObjectId id = new ObjectId("job", "t" + next++);
            int depth = 1 + List.of(args).stream().mapToInt(a -> vertices.get(a).depth()).max().orElse(0);
            vertices.put(id, new TaskGraph.Vertex(id, function, state, "n1", List.of(args), depth));
            return id;
        }

        TaskGraph.Graph graph(ObjectId end) {
            return new TaskGraph.Graph(end, vertices, false);
        }
    }

    private static DagDrawing draw(TaskGraph.Graph graph, Set<String> expanded) {
        return DagDrawing.of(graph, expanded, id -> "task?id=" + id, key -> "dag?expand=" + key);
    }

    /** addFirst: ((((1+2)+3)+4)...) a chain of 7. */
    private static TaskGraph.Graph chain() {
        Builder b = new Builder();
        ObjectId sum = b.task(ADD, "F", b.value(), b.value());
        for (int i = 0; i < 6; i++) {
            sum = b.task(ADD, "F", sum, b.value());
        }
        return b.graph(sum);
    }

    /** A balanced tree of tasks over {@code leaves} values (addLast). */
    private static TaskGraph.Graph tree(int leaves, String state) {
        Builder b = new Builder();
        List<ObjectId> level = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            level.add(b.value());
        }
        while (level.size() > 1) {
            List<ObjectId> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                up.add(b.task(ADD, state, level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        return b.graph(level.getFirst());
    }

    /** A word count: 16 map tasks reduced pairwise (31 tasks, 5 layers). */
    private static TaskGraph.Graph reduce() {
        Builder b = new Builder();
        List<ObjectId> level = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            level.add(b.task(MAP, i < 12 ? "F" : "R"));
        }
        while (level.size() > 1) {
            List<ObjectId> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                up.add(b.task(REDUCE, "W", level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        return b.graph(level.getFirst());
    }

    private static void assertLegible(DagDrawing drawing) {
        List<DagDrawing.Box> boxes = drawing.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            DagDrawing.Box a = boxes.get(i);
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.w()).isLessThanOrEqualTo(drawing.width());
            assertThat(a.y() + a.h()).isLessThanOrEqualTo(drawing.height());
            int longest = a.lines().stream().mapToInt(String::length).max().orElse(0);
            assertThat(a.w()).as("box %s fits its label", a.key()).isGreaterThanOrEqualTo((int) (longest * 7.2) + 16);
            for (int j = i + 1; j < boxes.size(); j++) {
                DagDrawing.Box b = boxes.get(j);
                boolean apart = a.x() + a.w() <= b.x() || b.x() + b.w() <= a.x() || a.y() + a.h() <= b.y()
                        || b.y() + b.h() <= a.y();
                assertThat(apart).as("%s and %s overlap", a, b).isTrue();
            }
        }
    }

    /** The distinct x positions of the task boxes, left to right. */
    private static List<Integer> columns(DagDrawing drawing) {
        return drawing.boxes().stream().filter(DagDrawing.Box::task).map(DagDrawing.Box::x).distinct().sorted().toList();
    }

    @Test
    void theTutorialsChainIsSevenColumnsOfOneTaskEach() {
        DagDrawing drawing = draw(chain(), Set.of());
        assertLegible(drawing);
        assertThat(drawing.boxes()).hasSize(15);
        assertThat(drawing.groups()).isZero();
        assertThat(columns(drawing)).hasSize(7);
        assertThat(drawing.boxes().stream().filter(DagDrawing.Box::task).map(DagDrawing.Box::lines))
                .allMatch(lines -> lines.equals(List.of("Tutorial#add")));
        assertThat(drawing.edges()).hasSize(14).allMatch(e -> e.path().startsWith("M"));
    }

    @Test
    void theTutorialsTreeIsThreeColumnsOfFourTwoAndOneTasks() {
        DagDrawing drawing = draw(tree(8, "F"), Set.of());
        assertLegible(drawing);
        List<Integer> columns = columns(drawing);
        assertThat(columns).hasSize(3);
        assertThat(columns.stream().map(x -> drawing.boxes().stream().filter(b -> b.task() && b.x() == x).count()))
                .containsExactly(4L, 2L, 1L);
    }

    @Test
    void aReduceOf31TasksIsDrawnWholeWithLabelsThatFit() {
        DagDrawing drawing = draw(reduce(), Set.of());
        assertLegible(drawing);
        assertThat(drawing.boxes()).hasSize(31);
        assertThat(columns(drawing)).hasSize(5);
    }

    @Test
    void largeGraphsFoldEachFunctionAtEachDepthIntoAGroupWithCountsByState() {
        DagDrawing drawing = draw(tree(2048, "F"), Set.of());
        assertLegible(drawing);
        assertThat(drawing.vertices()).isEqualTo(4095);
        assertThat(drawing.boxes()).hasSize(12);
        assertThat(drawing.groups()).isEqualTo(11);
        DagDrawing.Box leaves = drawing.boxes().stream().filter(b -> b.key().equals("group:" + ADD + "@1")).findFirst()
                .orElseThrow();
        assertThat(leaves.lines()).containsExactly("Tutorial#add ×1024", "1024 finished");
        assertThat(leaves.href()).isEqualTo("dag?expand=" + ADD + "@1");
        assertThat(columns(drawing)).hasSize(11);
        assertThat(drawing.edges()).hasSize(11);
        assertThat(drawing.members()).startsWith("{\"job/").contains("\"group:" + ADD + "@1\",\"F\"");

        DagDrawing reduce = draw(tree(512, "R"), Set.of());
        assertLegible(reduce);
        assertThat(reduce.vertices()).isEqualTo(1023);
        assertThat(reduce.boxes().getFirst().lines().getLast()).isEqualTo("512 finished");
    }

    @Test
    void anExpandedGroupIsDrawnOneVertexAtATimeInItsPlace() {
        DagDrawing drawing = draw(tree(256, "R"), Set.of(ADD + "@7", ADD + "@6"));
        assertLegible(drawing);
        assertThat(drawing.boxes().stream().filter(b -> !b.group() && b.depth() == 7)).hasSize(2);
        assertThat(drawing.boxes().stream().filter(b -> !b.group() && b.depth() == 6)).hasSize(4);
        assertThat(drawing.boxes().stream().filter(b -> b.group() && b.depth() == 5)).hasSize(1);
        assertThat(drawing.boxes().stream().filter(b -> b.depth() == 5).findFirst().orElseThrow().stateCode())
                .isEqualTo("R");
    }

    @Test
    void aGroupsColourSaysWhetherAnyFailedOrRunsOrAllFinished() {
        Builder b = new Builder();
        List<TaskGraph.Vertex> members = List.of(b.vertices.get(b.task(ADD, "F")), b.vertices.get(b.task(ADD, "R")),
                b.vertices.get(b.task(ADD, "E")));
        assertThat(DagDrawing.groupState(members)).isEqualTo("E");
        assertThat(DagDrawing.groupState(members.subList(0, 2))).isEqualTo("R");
        assertThat(DagDrawing.groupState(members.subList(0, 1))).isEqualTo("F");
        assertThat(DagDrawing.counts(members)).isEqualTo("1 running, 1 finished, 1 failed");
    }
}
