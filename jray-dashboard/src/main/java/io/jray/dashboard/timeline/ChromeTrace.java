package io.jray.dashboard.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jray.dashboard.TaskStates;
import io.jray.runtime.function.FunctionId;

/**
 * A timeline in the Chrome trace event format (the JSON object form, which Perfetto and
 * {@code chrome://tracing} open): a process per node, a thread per lane, a complete event
 * ({@code "ph":"X"}) per run, times in microseconds.
 */
public final class ChromeTrace {

    private ChromeTrace() {
    }

    public static Map<String, Object> of(Timeline timeline) {
        List<Map<String, Object>> events = new ArrayList<>();
        int pid = 0;
        for (Map.Entry<String, List<List<Timeline.Run>>> node : timeline.nodes().entrySet()) {
            pid++;
            events.add(metadata("process_name", pid, 0, "node " + node.getKey()));
            List<List<Timeline.Run>> lanes = node.getValue();
            for (int lane = 0; lane < lanes.size(); lane++) {
                events.add(metadata("thread_name", pid, lane + 1, "lane " + (lane + 1)));
                for (Timeline.Run run : lanes.get(lane)) {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("name", FunctionId.shortName(run.function()));
                    event.put("cat", TaskStates.name(run.state()));
                    event.put("ph", "X");
                    event.put("ts", run.start() * 1000);
                    event.put("dur", (run.end() - run.start()) * 1000);
                    event.put("pid", pid);
                    event.put("tid", lane + 1);
                    event.put("args", Map.of("task", run.task(), "function", run.function(), "state",
                            TaskStates.name(run.state()), "node", node.getKey(), "running", run.running()));
                    events.add(event);
                }
            }
        }
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("traceEvents", events);
        trace.put("displayTimeUnit", "ms");
        trace.put("otherData", Map.of("from", timeline.from(), "to", timeline.to(), "source", "jray dashboard"));
        return trace;
    }

    private static Map<String, Object> metadata(String name, int pid, int tid, String value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", name);
        event.put("ph", "M");
        event.put("pid", pid);
        event.put("tid", tid);
        event.put("args", Map.of("name", value));
        return event;
    }
}
