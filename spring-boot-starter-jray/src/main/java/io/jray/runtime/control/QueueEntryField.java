package io.jray.runtime.control;



/**
 * The fields of an entry of a task queue or an actor's call stream. Defined here once: the Lua
 * scripts get them as the table {@code QE} ({@code QE.task} is {@code 't'}), the readers by these
 * constants.
 */
public enum QueueEntryField {

    /** The id of the task or call. */
    TASK("t", "task"),
    /** Its attempt number (from 1). */
    ATTEMPT("a", "attempt"),
    /** Its encoded TaskSpec. */
    SPEC("s", "spec");

    private final String code;
    private final String luaName;

    QueueEntryField(String code, String luaName) {
        this.code = code;
        this.luaName = luaName;
    }

    /** The field's name in Redis. */
    public String code() {
        return code;
    }

    /** The field's name in the scripts' table {@code QE}. */
    public String luaName() {
        return luaName;
    }
}
