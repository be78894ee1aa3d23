package io.jray.runtime.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The schema of what lives in Redis is defined once, in Java ({@link RecordField}, {@link RecordState},
 * {@link JobKey}, {@link NodeField}, {@link HistoryKey} and the rest of {@link ScriptSchema}'s tables): the
 * scripts take every name from there, and none spells a record field, a state, a kind, a queue entry
 * field, a job key or a history key of its own.
 */
class ScriptSchemaTest {

    private static final List<String> CONTROL_SCRIPTS = List.of("lib.lua", "submit.lua", "complete.lua",
            "subscribe.lua", "cancel.lua", "reap.lua", "end-job.lua", "beat.lua", "kill-actor.lua", "reap-actor.lua",
            "fetch.lua", "locations.lua", "rebuild.lua", "release.lua", "drain.lua");
    private static final List<String> HISTORY_SCRIPTS = List.of("index.lua", "page.lua");
    private static final Pattern SCHEMA_NAME = Pattern.compile("\\b(R|ST|RK|EV|QE|K|JM|NF|NODE|OC|HK|EF|SK|RB|OS)\\.\\w+");
    /** A hash command on a record key whose first field is a quoted literal. */
    private static final Pattern LITERAL_FIELD = Pattern.compile(
            "'H(?:SET|GET|MGET|INCRBY|DEL|EXISTS|SETNX)', (?:key|ck|dk|wk|rk|rec\\([^)]*\\)|prefix \\.\\. 'o:' \\.\\. \\w+), '");

    @Test
    void everyNameTheScriptsTakeFromTheSchemaIsDefinedThere() throws IOException {
        for (String script : CONTROL_SCRIPTS) {
            String expanded = ScriptSchema.expand(read(ControlPlane.class, script), script);
            assertThat(SCHEMA_NAME.matcher(expanded).find()).as("a schema name left in %s", script).isFalse();
        }
        for (String script : HISTORY_SCRIPTS) {
            assertThat(ScriptSchema.expand(readHistory(script), script)).as(script).doesNotContainPattern(SCHEMA_NAME);
        }
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
        assertThat(LITERAL_FIELD.matcher(readHistory("index.lua")).find()).isFalse();
    }

    @Test
    void noScriptSpellsAQueueEntryFieldNorAJobKeyOfItsOwn() throws IOException {
        Pattern literal = Pattern.compile("'XADD', [^,]+, '\\*', '|entryField\\(entry, '|\\bP \\.\\. '");
        for (String script : CONTROL_SCRIPTS) {
            assertThat(literal.matcher(read(ControlPlane.class, script)).find()).as(script).isFalse();
        }
    }

    @Test
    void noScriptSpellsAStateAKindOrAnEventOfItsOwn() throws IOException {
        // a one-letter literal compared with, written as, or passed on as a state or kind
        Pattern letter = Pattern.compile("(?:==|~=) '[A-Za-z]'|R\\.(?:state|kind), '|(?:settle|event|endActor)\\([^)]*'[A-Z]'"
                + "|notify\\([^)]*'[A-Z]'|return '[A-Z]'|\\{'[A-Z]'");
        for (String script : CONTROL_SCRIPTS) {
            String text = read(ControlPlane.class, script);
            if (script.equals("drain.lua")) {
                // why: the backlog's item kinds ('S <id>', 'A <actor>') are written by lib.lua's defer for drain.lua alone
                text = text.replace("kind == 'S'", "").replace("kind == 'A'", "");
            }
            assertThat(text).as(script).doesNotContainPattern(letter);
        }
        for (String script : HISTORY_SCRIPTS) {
            assertThat(readHistory(script)).as(script).doesNotContainPattern(letter);
        }
    }

    @Test
    void noHistoryScriptSpellsAKeyOfTheIndexOfItsOwn() throws IOException {
        for (String script : HISTORY_SCRIPTS) {
            assertThat(readHistory(script)).as(script).doesNotContainPattern("H \\.\\. '");
        }
    }

    @Test
    void everyTableNamesItsConstantsInLowerCamelCaseAndOnce() {
        Map<String, String> names = ScriptSchema.literals();
        assertThat(names).containsEntry("R.functionId", "fn").containsEntry("ST.queued", "Q")
                .containsEntry("NODE.free", "free").containsEntry("HK.byState", "s:").containsEntry("OC.givenBack", "G")
                .containsEntry("NF.backlog", NoteField.BACKLOG).containsEntry("OS.lost", "L");
        assertThat(Arrays.stream(RecordField.values()).map(RecordField::code).distinct())
                .hasSize(RecordField.values().length);
        assertThat(Arrays.stream(NodeField.values()).map(NodeField::code).distinct()).hasSize(NodeField.values().length);
    }

    @Test
    void aRebuildAnswerTheSchemaDoesNotKnowIsAnErrorNamingIt() {
        assertThatIllegalStateException().isThrownBy(() -> Rebuild.of("Z")).withMessageContaining("Z");
        assertThat(Rebuild.of("I")).isEqualTo(Rebuild.INPUT_FREED);
    }

    @Test
    void anObjectStatusReadsEveryStateLetter() {
        assertThat(ObjectState.Status.of("Q")).isEqualTo(ObjectState.Status.PENDING);
        assertThat(ObjectState.Status.of("P")).isEqualTo(ObjectState.Status.PENDING);
        assertThat(ObjectState.Status.of("F")).isEqualTo(ObjectState.Status.FINISHED);
        assertThat(ObjectState.Status.of("L")).isEqualTo(ObjectState.Status.LOST);
        assertThat(ObjectState.Status.of("D")).isEqualTo(ObjectState.Status.LOST);
    }

    @Test
    void codesOfSeveralFieldsAreInTheOrderAsked() {
        assertThat(RecordField.codes(RecordField.STATE, RecordField.NODE)).containsExactly("st", "n");
    }

    private static String readHistory(String name) throws IOException {
        return read(io.jray.runtime.control.history.TaskHistory.class, name);
    }

    private static String read(Class<?> anchor, String name) throws IOException {
        try (InputStream in = anchor.getResourceAsStream("scripts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
