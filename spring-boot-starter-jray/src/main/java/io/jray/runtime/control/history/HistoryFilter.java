package io.jray.runtime.control.history;

import java.util.ArrayList;
import java.util.List;

import io.jray.runtime.control.HistoryKey;

/**
 * Which tasks a page of the history ({@link TaskHistory#page}) shows; {@code null} fields do not filter.
 *
 * @param state one of {@link TaskHistory#STATES}
 * @param function a function id
 * @param node a node id
 * @param job a job id
 */
public record HistoryFilter(String state, String function, String node, String job) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null);

    /** A filter of every job. */
    public HistoryFilter(String state, String function, String node) {
        this(state, function, node, null);
    }

    public HistoryFilter {
        state = blankToNull(state);
        function = blankToNull(function);
        node = blankToNull(node);
        job = blankToNull(job);
        if (state != null && !TaskHistory.STATES.contains(state)) {
            throw new IllegalArgumentException("state must be one of " + TaskHistory.STATES + ", was '" + state + "'");
        }
        word("function", function);
        word("node", node);
        word("job", job);
    }

    List<String> bitmaps() {
        List<String> maps = new ArrayList<>(4);
        if (state != null) {
            maps.add(HistoryKey.BY_STATE.bitmap(state));
        }
        if (function != null) {
            maps.add(HistoryKey.BY_FUNCTION.bitmap(function));
        }
        if (node != null) {
            maps.add(HistoryKey.BY_NODE.bitmap(node));
        }
        if (job != null) {
            maps.add(HistoryKey.BY_JOB.bitmap(job));
        }
        return maps;
    }

    private static void word(String what, String value) {
        if (value != null && (value.length() > 1000 || value.chars().anyMatch(c -> Character.isWhitespace(c) || c < 32))) {
            throw new IllegalArgumentException(what + " must be one word of at most 1000 characters, was '"
                    + (value.length() > 80 ? value.substring(0, 80) + "..." : value) + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
