package io.jray.runtime.control;



/**
 * The fields of a job's meta hash ({@link JobKey#META}). Defined here once: the Lua scripts get
 * them as the table {@code JM}.
 */
public enum JobField {

    /** The node that owns the job. */
    OWNER("ow", "owner"),
    /** When it started, epoch ms. */
    STARTED_AT("ts", "startedAt"),
    /** When it ended, epoch ms. */
    ENDED_AT("te", "endedAt"),
    /** How long its metadata is kept after it ended, ms. */
    RETENTION("ret", "retention");

    private final String code;
    private final String luaName;

    JobField(String code, String luaName) {
        this.code = code;
        this.luaName = luaName;
    }

    /** The field's name in Redis. */
    public String code() {
        return code;
    }

    /** The field's name in the scripts' table {@code JM}. */
    public String luaName() {
        return luaName;
    }
}
