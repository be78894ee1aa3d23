package io.jray.dashboard.timeline;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.core.ObjectId;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static final String SLEEP = "io.jray.app.Sleeper#sleep(long)";

    private static TaskHistory.Row row(String id, String node, String state, long started, long ended) {
        return new TaskHistory.Row(1, new ObjectId("job", id), SLEEP, state, node, started == 0 ? 1 : started - 1,
                started, ended);
    }

    @Test
    void runsGoToTheFirstLaneFreeWhenTheyStartAndOnlyRunsInTheWindowCount() {
        Timeline timeline = Timeline.of(List.of(row("a", "n1", "F", 1000, 1100), row("b", "n1", "F", 1050, 1150),
                row("c", "n1", "F", 1100, 1200), row("d", "n2", "R", 1150, 0), row("old", "n1", "F", 100, 200),
                row("queued", null, "Q", 0, 0)), 1000, 1300);

        assertThat(timeline.nodes()).containsOnlyKeys("n1", "n2");
        List<List<Timeline.Run>> n1 = timeline.nodes().get("n1");
        assertThat(n1).hasSize(2);
        assertThat(n1.get(0)).extracting(Timeline.Run::task).containsExactly("job/a", "job/c");
        assertThat(n1.get(1)).extracting(Timeline.Run::task).containsExactly("job/b");
        Timeline.Run running = timeline.nodes().get("n2").getFirst().getFirst();
        assertThat(running.running()).isTrue();
        assertThat(running.end()).isEqualTo(1300);
        assertThat(timeline.runs()).isEqualTo(4);
        Timeline fitted = Timeline.of(List.of(row("a", "n1", "F", 9000, 9500)), 0, 10_000).fitted();
        assertThat(fitted.from()).as("50 ms before the first run: 5% of its distance to the end").isEqualTo(8950);
        assertThat(fitted.nodes()).isEqualTo(Timeline.of(List.of(row("a", "n1", "F", 9000, 9500)), 0, 10_000).nodes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChromeTraceHasAProcessPerNodeAThreadPerLaneAndACompleteEventPerRunInMicroseconds() {
        Timeline timeline = Timeline.of(List.of(row("a", "n1", "F", 1000, 1100), row("b", "n1", "E", 1050, 1150)),
                900, 1200);
        List<Map<String, Object>> events = (List<Map<String, Object>>) ChromeTrace.of(timeline).get("traceEvents");

        assertThat(events).filteredOn(e -> "M".equals(e.get("ph"))).extracting(e -> e.get("name"))
                .containsExactly("process_name", "thread_name", "thread_name");
        List<Map<String, Object>> runs = events.stream().filter(e -> "X".equals(e.get("ph"))).toList();
        assertThat(runs).hasSize(2);
        assertThat(runs.getFirst()).containsEntry("name", "Sleeper#sleep(long)").containsEntry("ts", 1_000_000L)
                .containsEntry("dur", 100_000L).containsEntry("pid", 1).containsEntry("tid", 1)
                .containsEntry("cat", "finished");
        assertThat(runs.get(1)).containsEntry("tid", 2).containsEntry("cat", "failed");
        assertThat((Map<String, Object>) runs.get(1).get("args")).containsEntry("task", "job/b").containsEntry("node", "n1");
    }

    @Test
    void theDrawingPutsEachLaneOnARowAndEachRunWithinTheAxis() {
        Timeline timeline = Timeline.of(List.of(row("a", "n1", "F", 1000, 1100), row("b", "n1", "F", 1050, 1150),
                row("c", "n2", "F", 900, 2000)), 1000, 1200);
        TimelineDrawing drawing = TimelineDrawing.of(timeline, id -> "task?id=" + id);

        assertThat(drawing.labels()).extracting(TimelineDrawing.Label::text)
                .containsExactly("node n1", "lane 1", "lane 2", "node n2", "lane 1");
        assertThat(drawing.bars()).hasSize(3).allSatisfy(bar -> {
            assertThat(bar.x()).isGreaterThanOrEqualTo(TimelineDrawing.LEFT);
            assertThat(bar.x() + bar.w()).isLessThanOrEqualTo(TimelineDrawing.LEFT + TimelineDrawing.AXIS);
        });
        assertThat(drawing.bars().get(0).y()).isNotEqualTo(drawing.bars().get(1).y());
        TimelineDrawing.Bar clipped = drawing.bars().get(2);
        assertThat(clipped.x()).isEqualTo(TimelineDrawing.LEFT);
        assertThat(clipped.w()).isEqualTo(TimelineDrawing.AXIS);
        assertThat(drawing.ticks()).hasSize(6);
        assertThat(drawing.ticks().getLast().label()).isEqualTo("+0.0 s");
    }
}
