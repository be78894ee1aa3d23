package io.jray.runtime.control;

/**
 * The fields of a job's meta hash ({@link JobKey#META}). Defined here once: the Lua scripts name
 * them {@code JM.<field>} (see {@link ScriptSchema}).
 */
public enum JobField {

    /** The node that owns the job. */
    OWNER("ow"),
    /** When it started, epoch ms. */
    STARTED_AT("ts"),
    /** When it ended, epoch ms. */
    ENDED_AT("te"),
    /** How long its metadata is kept after it ended, ms. */
    RETENTION("ret");

    private final String code;

    JobField(String code) {
        this.code = code;
    }

    /** The field's name in Redis. */
    public String code() {
        return code;
    }

}
