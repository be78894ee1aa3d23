package io.jray.runtime.logs;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskLogTest {

    @Test
    void entriesSurviveTheirStoredFormWithTabsNewlinesAndBackslashes() {
        TaskLog log = new TaskLog(List.of(new TaskLog.Entry(1, TaskLog.Source.ATTEMPT, "", "attempt 1 on node n"),
                new TaskLog.Entry(2, TaskLog.Source.OUT, "", "a\tb\\c"),
                new TaskLog.Entry(3, TaskLog.Source.WARN, "com.example.Job", "line one\nline two\r\n"),
                new TaskLog.Entry(4, TaskLog.Source.ERR, "", "ünïcødé ✓")));

        TaskLog read = TaskLog.decode(log.encode());

        assertThat(read).isEqualTo(log);
        assertThat(read.lines()).isEqualTo(3);
    }

    @Test
    void attemptsAppendedOneAfterAnotherReadAsOneLog() {
        byte[] first = new TaskLog(List.of(new TaskLog.Entry(1, TaskLog.Source.OUT, "", "one"))).encode();
        byte[] second = new TaskLog(List.of(new TaskLog.Entry(2, TaskLog.Source.OUT, "", "two"))).encode();
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        assertThat(TaskLog.decode(both).entries()).extracting(TaskLog.Entry::text).containsExactly("one", "two");
    }

    @Test
    void garbageReadsAsNotesNotAsAnError() {
        byte[] garbage = "not a log line\n12\tZ\t\tunknown source\nabc\tO\t\tbad time\n5\tO\t\tgood\n"
                .getBytes(StandardCharsets.UTF_8);

        List<TaskLog.Entry> entries = TaskLog.decode(garbage).entries();

        assertThat(entries).extracting(TaskLog.Entry::source).containsExactly(TaskLog.Source.NOTE,
                TaskLog.Source.NOTE, TaskLog.Source.NOTE, TaskLog.Source.OUT);
        assertThat(entries.getFirst().text()).isEqualTo("unreadable log line: not a log line");
        assertThat(entries.getLast().text()).isEqualTo("good");
        assertThat(TaskLog.decode(null).isEmpty()).isTrue();
    }
}
