package io.jray.runtime.control;

/**
 * The keys of the task history's index, as suffixes of its prefix {@link Keys#history()}
 * ({@code <ns>:h:}): counters, rows, dependents and the bitmaps that select tasks. Its scripts name
 * these {@code HK.<key>} (see {@link ScriptSchema}); a page's filters name bitmaps by
 * {@link #bitmap}.
 */
public enum HistoryKey {

    /** Counter: the last sequence number given to a task. */
    SEQ("seq"),
    /** String: the id of the last event stream entry indexed. */
    CURSOR("cursor"),
    /** Set: the names of every bitmap. */
    MAPS("maps"),
    /** Hash: tasks that finished and failed per minute (field: the minute, then {@code F} or {@code E}). */
    RATE("rate"),
    /** Bitmap of every task kept. */
    ALL("all"),
    /** Bitmap: the intersection a page's filters asked for, deleted after the page is read. */
    AND("and"),
    /** Hash of rows, 128 per key (suffix: the block's number). */
    ROWS("r:"),
    /** Hash of dependents, 128 tasks per key (suffix: the block's number). */
    DEPENDENTS("d:"),
    /** Bitmap of the tasks in a state (suffix: its letter). */
    BY_STATE("s:"),
    /** Bitmap of the tasks of a function (suffix: its id). */
    BY_FUNCTION("f:"),
    /** Bitmap of the tasks of a job (suffix: its id). */
    BY_JOB("j:"),
    /** Bitmap of the tasks that ran on a node (suffix: its id). */
    BY_NODE("n:");

    private final String code;

    HistoryKey(String code) {
        this.code = code;
    }

    /** The key's suffix after the history's prefix. */
    public String code() {
        return code;
    }

    /** The name of a bitmap of this kind, such as {@code s:F} for {@code BY_STATE} and {@code F}. */
    public String bitmap(String value) {
        return code + value;
    }
}
