package io.jray.dashboard.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.jray.dashboard.TaskStates;
import io.jray.runtime.function.FunctionId;

/**
 * A timeline drawn: a row per lane under a heading per node, a bar per run on a time axis of
 * {@value #AXIS} px, ticks along the top.
 *
 * @param width the drawing's width
 * @param height its height
 * @param labels the node headings and lane labels
 * @param bars the runs
 * @param ticks the time axis marks
 */
public record TimelineDrawing(int width, int height, List<Label> labels, List<Bar> bars, List<Tick> ticks) {

    static final int LEFT = 150;
    static final int AXIS = 1000;
    static final int TOP = 28;
    static final int LANE = 16;
    static final int HEADING = 20;

    /** A text at the left: a node's heading ({@code node} true) or a lane's label. */
    public record Label(String text, int x, int y, boolean node) {
    }

    /** A run's bar; {@code href} is its task's page. */
    public record Bar(String task, String href, String title, String stateCode, int x, int y, int w, int h) {

        public String css() {
            return "run state-" + stateCode;
        }
    }

    /** A mark on the time axis, labelled in seconds from the window's start. */
    public record Tick(int x, String label) {
    }

    public static TimelineDrawing of(Timeline timeline, Function<String, String> taskLink) {
        double span = Math.max(1, timeline.to() - timeline.from());
        List<Label> labels = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (Map.Entry<String, List<List<Timeline.Run>>> node : timeline.nodes().entrySet()) {
            labels.add(new Label("node " + node.getKey(), 8, y + 14, true));
            y += HEADING;
            List<List<Timeline.Run>> lanes = node.getValue();
            for (int lane = 0; lane < lanes.size(); lane++) {
                labels.add(new Label("lane " + (lane + 1), 20, y + 12, false));
                for (Timeline.Run run : lanes.get(lane)) {
                    int x = LEFT + (int) Math.floor((Math.max(run.start(), timeline.from()) - timeline.from()) / span * AXIS);
                    int x2 = LEFT + (int) Math.ceil((Math.min(run.end(), timeline.to()) - timeline.from()) / span * AXIS);
                    String title = run.task() + " · " + FunctionId.shortName(run.function()) + " · "
                            + TaskStates.name(run.state()) + " · " + (run.end() - run.start()) + " ms"
                            + (run.running() ? " so far" : "");
                    bars.add(new Bar(run.task(), taskLink.apply(run.task()), title, run.state(), x, y + 2,
                            Math.max(1, x2 - x), LANE - 4));
                }
                y += LANE;
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            ticks.add(new Tick(LEFT + AXIS * i / 5, String.format("%+.1f s", span * i / 5 / 1000 - span / 1000)));
        }
        return new TimelineDrawing(LEFT + AXIS + 48, y + 8, labels, bars, ticks);
    }
}
