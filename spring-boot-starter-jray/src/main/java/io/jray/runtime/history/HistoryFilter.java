package io.jray.runtime.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Which tasks a page of the history ({@link TaskHistory#page}) shows; {@code null} fields do not filter.
 *
 * @param state one of {@link TaskHistory#STATES}
 * @param function a function id
 * @param node a node id
 */
public record HistoryFilter(String state, String function, String node) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null);

    public HistoryFilter {
        state = blankToNull(state);
        function = blankToNull(function);
        node = blankToNull(node);
        if (state != null && !TaskHistory.STATES.contains(state)) {
            throw new IllegalArgumentException("state must be one of " + TaskHistory.STATES + ", was '" + state + "'");
        }
        word("function", function);
        word("node", node);
    }

    List<String> bitmaps() {
        List<String> maps = new ArrayList<>(3);
        if (state != null) {
            maps.add("s:" + state);
        }
        if (function != null) {
            maps.add("f:" + function);
        }
        if (node != null) {
            maps.add("n:" + node);
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
