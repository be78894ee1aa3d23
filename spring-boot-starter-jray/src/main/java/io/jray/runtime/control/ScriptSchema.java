package io.jray.runtime.control;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the Lua scripts take from the Java schema, written into each script when it is loaded:
 * {@code R.<field>} a record field ({@link RecordField}), {@code QE.<field>} a queue entry field
 * ({@link QueueEntryField}), {@code K.<key>} a job key's suffix ({@link JobKey}) and
 * {@code JM.<field>} a job's meta field ({@link JobField}). {@code R.state} becomes {@code 'st'}: the
 * script Redis runs is what it would be with the names spelled out, so the schema costs nothing at
 * run time, and a name the schema does not define fails the load, naming the script.
 */
public final class ScriptSchema {

    private static final Pattern NAME = Pattern.compile("\\b(R|QE|K|JM)\\.(\\w+)");
    private static final Map<String, String> LITERALS = literals();

    private ScriptSchema() {
    }

    /** The script's text with every schema name written in as a quoted literal. */
    public static String expand(String script, String name) {
        Matcher m = NAME.matcher(script);
        StringBuilder out = new StringBuilder(script.length());
        while (m.find()) {
            String literal = LITERALS.get(m.group(1) + "." + m.group(2));
            if (literal == null) {
                throw new IllegalStateException("script " + name + " names " + m.group() + ", which the schema does "
                        + "not define (see RecordField, QueueEntryField, JobKey, JobField)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement("'" + literal + "'"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every name the scripts may use, with its value in Redis. */
    static Map<String, String> literals() {
        Map<String, String> names = new HashMap<>();
        for (RecordField f : RecordField.values()) {
            names.put("R." + f.luaName(), f.code());
        }
        for (QueueEntryField f : QueueEntryField.values()) {
            names.put("QE." + f.luaName(), f.code());
        }
        for (JobKey k : JobKey.values()) {
            names.put("K." + k.luaName(), k.suffix());
        }
        for (JobField f : JobField.values()) {
            names.put("JM." + f.luaName(), f.code());
        }
        return Map.copyOf(names);
    }
}
