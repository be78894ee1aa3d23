package io.jray.runtime.control;

/**
 * The fields of an entry of a task queue or an actor's call stream. Defined here once: the Lua
 * scripts name them {@code QE.<field>} ({@code QE.task} is {@code 't'}, see {@link ScriptSchema}), the
 * readers by these constants.
 */
public enum QueueEntryField {

    /** The id of the task or call. */
    TASK("t"),
    /** Its attempt number (from 1). */
    ATTEMPT("a"),
    /** Its encoded TaskSpec. */
    SPEC("s");

    private final String code;

    QueueEntryField(String code) {
        this.code = code;
    }

    /** The field's name in Redis. */
    public String code() {
        return code;
    }

}
