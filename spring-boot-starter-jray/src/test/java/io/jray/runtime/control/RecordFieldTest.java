package io.jray.runtime.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The schema of what lives in Redis is defined once, in Java ({@link RecordField}, {@link QueueEntryField},
 * {@link JobKey}, {@link JobField}): the scripts take every name from there ({@link ScriptSchema}), and
 * none spells a record field, a queue entry field or a job key of its own.
 */
class RecordFieldTest {

    private static final List<String> CONTROL_SCRIPTS = List.of("lib.lua", "submit.lua", "complete.lua",
            "subscribe.lua", "cancel.lua", "reap.lua", "end-job.lua", "beat.lua", "kill-actor.lua", "reap-actor.lua",
            "fetch.lua", "locations.lua", "rebuild.lua", "release.lua", "drain.lua");
    private static final Pattern SCHEMA_NAME = Pattern.compile("\\b(R|QE|K|JM)\\.\\w+");
    /** A hash command on a record key whose first field is a quoted literal. */
    private static final Pattern LITERAL_FIELD = Pattern.compile(
            "'H(?:SET|GET|MGET|INCRBY|DEL|EXISTS|SETNX)', (?:key|ck|dk|wk|rk|rec\\([^)]*\\)|prefix \\.\\. 'o:' \\.\\. \\w+), '");

    @Test
    void everyNameTheScriptsTakeFromTheSchemaIsDefinedThere() throws IOException {
        for (String script : CONTROL_SCRIPTS) {
            String expanded = ScriptSchema.expand(read(ControlPlane.class, script), script);
            assertThat(SCHEMA_NAME.matcher(expanded).find()).as("a schema name left in %s", script).isFalse();
        }
        assertThat(ScriptSchema.expand(read(io.jray.runtime.control.history.TaskHistory.class, "index.lua"), "index.lua"))
                .doesNotContainPattern(SCHEMA_NAME);
    }

    @Test
    void aNameTheSchemaDoesNotDefineFailsTheLoadNamingTheScript() {
        assertThatIllegalStateException().isThrownBy(() -> ScriptSchema.expand("return R.nosuch", "x.lua"))
                .withMessageContaining("x.lua").withMessageContaining("R.nosuch");
    }

    @Test
    void namesAreWrittenInAsQuotedLiterals() {
        assertThat(ScriptSchema.expand("redis.call('HGET', P .. K.record .. id, R.state) -- QE.task JM.owner #K.taskQueue",
                "y.lua")).isEqualTo("redis.call('HGET', P .. 'o:' .. id, 'st') -- 't' 'ow' #'q:'");
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
    void noScriptSpellsAQueueEntryFieldNorAJobKeyOfItsOwn() throws IOException {
        Pattern literal = Pattern.compile("'XADD', [^,]+, '\\*', '|entryField\\(entry, '|\\bP \\.\\. '");
        for (String script : CONTROL_SCRIPTS) {
            assertThat(literal.matcher(read(ControlPlane.class, script)).find()).as(script).isFalse();
        }
    }

    @Test
    void fieldNamesAreUniqueInRedisAndInLua() {
        assertThat(Arrays.stream(RecordField.values()).map(RecordField::code).distinct())
                .hasSize(RecordField.values().length);
        assertThat(Arrays.stream(RecordField.values()).map(RecordField::luaName).distinct())
                .hasSize(RecordField.values().length);
    }

    @Test
    void codesOfSeveralFieldsAreInTheOrderAsked() {
        assertThat(RecordField.codes(RecordField.STATE, RecordField.NODE)).containsExactly("st", "n");
    }

    private static String read(Class<?> anchor, String name) throws IOException {
        try (InputStream in = anchor.getResourceAsStream("scripts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
