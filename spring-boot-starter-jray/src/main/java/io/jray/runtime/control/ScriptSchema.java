package io.jray.runtime.control;

/**
 * What every Lua script of the control plane gets in front of it, generated from the Java schema:
 * the tables {@code R} ({@link RecordField}) and {@code QE} ({@link QueueEntryField}).
 */
public final class ScriptSchema {

    private static final String PREAMBLE = RecordField.luaTable() + QueueEntryField.luaTable();

    private ScriptSchema() {
    }

    /** The generated Lua, two lines. */
    public static String preamble() {
        return PREAMBLE;
    }
}
