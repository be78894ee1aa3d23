package io.jray.runtime.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record schema is defined once, in {@link RecordField}: every field a script names through the
 * generated table {@code R} exists there, and no script spells a record field of its own.
 */
class RecordFieldTest {

    private static final List<String> CONTROL_SCRIPTS = List.of("lib.lua", "submit.lua", "complete.lua",
            "subscribe.lua", "cancel.lua", "reap.lua", "end-job.lua", "beat.lua", "kill-actor.lua", "reap-actor.lua",
            "fetch.lua", "locations.lua", "rebuild.lua", "release.lua", "drain.lua");
    private static final Pattern R_FIELD = Pattern.compile("\\bR\\.(\\w+)");
    /** A hash command on a record key whose first field is a quoted literal. */
    private static final Pattern LITERAL_FIELD = Pattern.compile(
            "'H(?:SET|GET|MGET|INCRBY|DEL|EXISTS|SETNX)', (?:key|ck|dk|wk|rk|rec\\([^)]*\\)|prefix \\.\\. 'o:' \\.\\. \\w+), '");

    @Test
    void everyFieldTheScriptsNameIsInTheSchema() throws IOException {
        Set<String> known = Arrays.stream(RecordField.values()).map(RecordField::luaName).collect(Collectors.toSet());
        for (String script : CONTROL_SCRIPTS) {
            Matcher m = R_FIELD.matcher(read(ControlPlane.class, script));
            while (m.find()) {
                assertThat(known).as("R.%s in %s", m.group(1), script).contains(m.group(1));
            }
        }
        Matcher m = R_FIELD.matcher(read(io.jray.runtime.control.history.TaskHistory.class, "index.lua"));
        while (m.find()) {
            assertThat(known).as("R.%s in index.lua", m.group(1)).contains(m.group(1));
        }
    }

    @Test
    void noScriptSpellsARecordFieldOfItsOwn() throws IOException {
        for (String script : CONTROL_SCRIPTS) {
            assertThat(LITERAL_FIELD.matcher(read(ControlPlane.class, script)).find()).as(script).isFalse();
        }
        assertThat(LITERAL_FIELD.matcher(read(io.jray.runtime.control.history.TaskHistory.class, "index.lua")).find())
                .isFalse();
    }

    @Test
    void queueEntriesAreWrittenAndReadByTheFieldsOfTheSchema() throws IOException {
        Pattern literal = Pattern.compile("'XADD', [^,]+, '\\*', '|entryField\\(entry, '");
        Pattern named = Pattern.compile("\\bQE\\.(\\w+)");
        Set<String> known = Arrays.stream(QueueEntryField.values()).map(QueueEntryField::luaName)
                .collect(Collectors.toSet());
        for (String script : CONTROL_SCRIPTS) {
            String text = read(ControlPlane.class, script);
            Matcher m = named.matcher(text);
            while (m.find()) {
                assertThat(known).as("QE.%s in %s", m.group(1), script).contains(m.group(1));
            }
            assertThat(literal.matcher(text).find()).as("a queue entry field spelled in %s", script).isFalse();
        }
        assertThat(ScriptSchema.preamble()).contains("local QE = {task = 't', attempt = 'a', spec = 's'}");
    }

    @Test
    void fieldNamesAreUniqueInRedisAndInLua() {
        assertThat(Arrays.stream(RecordField.values()).map(RecordField::code).distinct())
                .hasSize(RecordField.values().length);
        assertThat(Arrays.stream(RecordField.values()).map(RecordField::luaName).distinct())
                .hasSize(RecordField.values().length);
    }

    @Test
    void theGeneratedTableMapsLuaNamesToRedisNames() {
        String table = RecordField.luaTable();
        assertThat(table).startsWith("local R = {").endsWith("}\n").contains("state = 'st'")
                .contains("functionId = 'fn'").contains("historySeq = 'hx'");
        assertThat(RecordField.codes(RecordField.STATE, RecordField.NODE)).containsExactly("st", "n");
    }

    private static String read(Class<?> anchor, String name) throws IOException {
        try (InputStream in = anchor.getResourceAsStream("scripts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
