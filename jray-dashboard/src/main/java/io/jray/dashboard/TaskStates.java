package io.jray.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import io.jray.runtime.control.RecordState;
import io.jray.runtime.control.history.TaskHistory;

/** The words the dashboard shows for the states the control plane records (see {@link RecordState}). */
public final class TaskStates {

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
        return RecordState.word(code);
    }
}
