package io.jray.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import io.jray.runtime.control.history.TaskHistory;

/** The words the dashboard shows for the one-letter states the control plane records. */
public final class TaskStates {

    private static final Map<String, String> NAMES = Map.of("W", "waiting", "Q", "queued", "R", "running", "F",
            "finished", "E", "failed", "C", "cancelled", "D", "dead");

    private TaskStates() {
    }

    /** Every state's code and words, in the order of {@link TaskHistory#STATES}. */
    static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        TaskHistory.STATES.forEach(st -> names.put(st, name(st)));
        return names;
    }

    /** The words for a state code, such as "finished" for F. */
    public static String name(String code) {
        return code == null ? "unknown" : NAMES.getOrDefault(code, code);
    }
}
