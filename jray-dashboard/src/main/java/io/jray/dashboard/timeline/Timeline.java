package io.jray.dashboard.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.jray.runtime.control.history.TaskHistory;

/**
 * The task runs of a window of time, per node, each run in a lane of its node: the first lane free
 * when it started, so runs of one lane never overlap and a node needs about as many lanes as it ran
 * tasks at once (its busy slots).
 *
 * @param from the window's start, epoch ms
 * @param to the window's end, epoch ms
 * @param nodes the nodes that ran tasks in the window, by id, with their lanes of runs
 */
public record Timeline(long from, long to, Map<String, List<List<Run>>> nodes) {

    /**
     * One run of a task.
     *
     * @param task its id
     * @param function its function id
     * @param state its last state
     * @param start when it started, epoch ms
     * @param end when it ended, or {@code to} while it runs
     * @param running whether it was still running at the window's end
     */
    public record Run(String task, String function, String state, long start, long end, boolean running) {
    }

    /** The runs among {@code rows} that overlap the window {@code from}..{@code to}. */
    public static Timeline of(List<TaskHistory.Row> rows, long from, long to) {
        Map<String, List<Run>> byNode = new TreeMap<>();
        for (TaskHistory.Row row : rows) {
            if (row.startedAt() <= 0 || row.node() == null) {
                continue;
            }
            boolean running = row.endedAt() <= 0;
            long end = running ? to : Math.max(row.startedAt(), row.endedAt());
            if (end < from || row.startedAt() > to) {
                continue;
            }
            byNode.computeIfAbsent(row.node(), n -> new ArrayList<>()).add(new Run(row.id().toString(), row.function(),
                    row.state(), row.startedAt(), end, running));
        }
        Map<String, List<List<Run>>> nodes = new LinkedHashMap<>();
        byNode.forEach((node, runs) -> nodes.put(node, lanes(runs)));
        return new Timeline(from, to, nodes);
    }

    /** Runs in lanes: each run in the first lane whose last run ended by its start. */
    static List<List<Run>> lanes(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(Run::start).thenComparingLong(Run::end));
        List<List<Run>> lanes = new ArrayList<>();
        for (Run run : sorted) {
            List<Run> free = null;
            for (List<Run> lane : lanes) {
                if (lane.getLast().end() <= run.start()) {
                    free = lane;
                    break;
                }
            }
            if (free == null) {
                free = new ArrayList<>();
                lanes.add(free);
            }
            free.add(run);
        }
        return lanes;
    }

    /**
     * The same runs over a window that starts shortly before the first of them (never before this
     * one's start), so that a few seconds of work are not drawn as slivers of a long window.
     */
    public Timeline fitted() {
        long first = nodes.values().stream().flatMap(List::stream).flatMap(List::stream).mapToLong(Run::start).min()
                .orElse(from);
        long start = Math.max(from, first - Math.max(1, (to - first) / 20));
        return new Timeline(start, to, nodes);
    }

    /** How many runs the timeline holds. */
    public int runs() {
        return nodes.values().stream().flatMap(List::stream).mapToInt(List::size).sum();
    }
}
