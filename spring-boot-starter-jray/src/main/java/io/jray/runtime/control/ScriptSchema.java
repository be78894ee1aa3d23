package io.jray.runtime.control;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jray.runtime.control.redis.LuaScript;

/**
 * The names the Lua scripts take from the Java schema, written into each script when it is loaded.
 * A name is a table and an enum constant in lower camel case: {@code R.<field>} a record field
 * ({@link RecordField}), {@code ST.<state>} a record state ({@link RecordState}), {@code RK.<kind>}
 * a record kind ({@link RecordKind}), {@code EV.<event>} a history event ({@link RecordEvent}),
 * {@code QE.<field>} a queue entry field ({@link QueueEntryField}), {@code K.<key>} a job key's
 * suffix ({@link JobKey}), {@code JM.<field>} a job's meta field ({@link JobField}), {@code NF.<field>}
 * a notification field's prefix ({@link NoteField}, and {@code NF.backlog}), {@code NODE.<field>} a
 * field of a node's hash ({@link NodeField}), {@code OC.<kind>} a reported outcome
 * ({@link Outcome.Kind}), {@code HK.<key>} a key of the task history ({@link HistoryKey}),
 * {@code EF.<field>} a field of the history's event stream ({@link EventField}), {@code SK.<kind>} a
 * record of a submission ({@link SubmitKind}), {@code RB.<result>} what a rebuild found
 * ({@link Rebuild}) and {@code OS.<status>} an object's status ({@link ObjectState.Status}).
 * {@code R.state} becomes {@code 'st'}: the script Redis runs is what it would be with the names
 * spelled out, so the schema costs nothing at run time, and a name the schema does not define fails
 * the load, naming the script.
 */
public final class ScriptSchema {

    private static final Pattern NAME = Pattern.compile("\\b(R|ST|RK|EV|QE|K|JM|NF|NODE|OC|HK|EF|SK|RB|OS)\\.(\\w+)");
    private static final Map<String, String> LITERALS = literals();

    private ScriptSchema() {
    }

    /**
     * Loads a script from the classpath next to {@code anchor}, after the library scripts given,
     * with every schema name written in.
     */
    public static LuaScript load(Class<?> anchor, String name, String... libraries) {
        return LuaScript.fromClasspath(text -> expand(text, name), anchor, name, libraries);
    }

    /** The script's text with every schema name written in as a quoted literal. */
    public static String expand(String script, String name) {
        Matcher m = NAME.matcher(script);
        StringBuilder out = new StringBuilder(script.length());
        while (m.find()) {
            String literal = LITERALS.get(m.group());
            if (literal == null) {
                throw new IllegalStateException("script " + name + " names " + m.group() + ", which the schema does "
                        + "not define (see ScriptSchema for its tables)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement("'" + literal + "'"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every name the scripts may use, with its value in Redis. */
    static Map<String, String> literals() {
        Map<String, String> names = new HashMap<>();
        table(names, "R", RecordField.values(), RecordField::code);
        table(names, "ST", RecordState.values(), RecordState::code);
        table(names, "RK", RecordKind.values(), RecordKind::code);
        table(names, "EV", RecordEvent.values(), RecordEvent::code);
        table(names, "QE", QueueEntryField.values(), QueueEntryField::code);
        table(names, "K", JobKey.values(), JobKey::suffix);
        table(names, "JM", JobField.values(), JobField::code);
        table(names, "NF", NoteField.values(), NoteField::prefix);
        names.put("NF.backlog", NoteField.BACKLOG);
        table(names, "NODE", NodeField.values(), NodeField::code);
        table(names, "OC", Outcome.Kind.values(), Outcome.Kind::code);
        table(names, "HK", HistoryKey.values(), HistoryKey::code);
        table(names, "EF", EventField.values(), EventField::code);
        table(names, "SK", SubmitKind.values(), SubmitKind::code);
        table(names, "RB", Rebuild.values(), Rebuild::code);
        table(names, "OS", ObjectState.Status.values(), ObjectState.Status::code);
        return Map.copyOf(names);
    }

    /** The name of a constant in the scripts: {@code FUNCTION_ID} is {@code functionId}. */
    static String luaName(Enum<?> constant) {
        String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return name.toString();
    }

    private static <E extends Enum<E>> void table(Map<String, String> names, String table, E[] constants,
            Function<E, String> literal) {
        for (E constant : constants) {
            if (names.put(table + "." + luaName(constant), literal.apply(constant)) != null) {
                throw new IllegalStateException("two constants of " + table + " are both " + luaName(constant));
            }
        }
    }
}
