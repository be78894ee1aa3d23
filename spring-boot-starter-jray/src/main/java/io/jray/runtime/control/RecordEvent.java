package io.jray.runtime.control;

/**
 * The events of the history stream that are not a state a record entered (those are named by
 * their {@link RecordState} letter). The scripts name these {@code EV.created} and
 * {@code EV.retried} (see {@link ScriptSchema}).
 */
public enum RecordEvent {

    /** A task was submitted; its detail is its function id and its first state follows. */
    CREATED("N"),
    /** An attempt failed with an exception and the task runs again. */
    RETRIED("X");

    private final String code;

    RecordEvent(String code) {
        this.code = code;
    }

    /** The event's letter in the stream. */
    public String code() {
        return code;
    }

    /** Whether {@code code} is one of these events, rather than a state entered. */
    public static boolean isEvent(String code) {
        return CREATED.code.equals(code) || RETRIED.code.equals(code);
    }
}
