package io.jray.runtime.logs;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskLogBufferTest {

    private static void print(TaskLogBuffer buffer, TaskLog.Source stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.write(stream, bytes, 0, bytes.length);
    }

    private static List<String> texts(TaskLog log) {
        return log.entries().stream().map(TaskLog.Entry::text).toList();
    }

    @Test
    void bytesAreCutIntoLinesPerStreamAndAnUnfinishedLineIsKeptAtTheEnd() {
        TaskLogBuffer buffer = new TaskLogBuffer(16 * 1024, StandardCharsets.UTF_8);
        print(buffer, TaskLog.Source.OUT, "hel");
        print(buffer, TaskLog.Source.ERR, "oops\r\n");
        print(buffer, TaskLog.Source.OUT, "lo\nwor");
        print(buffer, TaskLog.Source.OUT, "ld");

        TaskLog log = buffer.close();

        assertThat(log.entries()).extracting(TaskLog.Entry::source).containsExactly(TaskLog.Source.ERR,
                TaskLog.Source.OUT, TaskLog.Source.OUT);
        assertThat(texts(log)).containsExactly("oops", "hello", "world");
    }

    @Test
    void aLongLogKeepsItsFirstAndLastLinesAndCountsTheRest() {
        TaskLogBuffer buffer = new TaskLogBuffer(2048, StandardCharsets.UTF_8);
        for (int i = 0; i < 1000; i++) {
            buffer.add(TaskLog.Source.INFO, "x.Y", "event " + i);
        }

        TaskLog log = buffer.close();
        List<String> texts = texts(log);

        assertThat(texts.getFirst()).isEqualTo("event 0");
        assertThat(texts.getLast()).isEqualTo("event 999");
        String note = texts.stream().filter(t -> t.contains("left out")).findFirst().orElseThrow();
        int kept = texts.size() - 1;
        assertThat(note).startsWith("… " + (1000 - kept) + " line(s)");
        assertThat(log.encode().length).isLessThan(2048 + 512);
    }

    @Test
    void aHugeLineIsCutAndALineThatNeverEndsIsBounded() {
        TaskLogBuffer buffer = new TaskLogBuffer(2048, StandardCharsets.UTF_8);
        buffer.add(TaskLog.Source.ERROR, "x.Y", "z".repeat(100_000));
        for (int i = 0; i < 10_000; i++) {
            print(buffer, TaskLog.Source.OUT, "no newline ");
        }

        TaskLog log = buffer.close();

        assertThat(texts(log).getFirst()).endsWith("more characters cut)").hasSizeLessThan(1024);
        assertThat(log.encode().length).isLessThan(2048 + 512);
    }

    @Test
    void writesAfterTheEndAreIgnored() {
        TaskLogBuffer buffer = new TaskLogBuffer(2048, StandardCharsets.UTF_8);
        buffer.add(TaskLog.Source.OUT, "", "kept");
        TaskLog log = buffer.close();
        buffer.add(TaskLog.Source.OUT, "", "late");
        print(buffer, TaskLog.Source.OUT, "later\n");

        assertThat(texts(log)).containsExactly("kept");
        assertThat(texts(buffer.close())).containsExactly("kept");
    }

    @Test
    void theBudgetPassesBurstsAndRefusesASteadyFlood() {
        LogBudget budget = new LogBudget(1000);
        assertThat(budget.take(9000)).as("within ten seconds' worth").isTrue();
        assertThat(budget.take(5000)).isFalse();
        assertThat(budget.take(500)).as("a refused take takes nothing").isTrue();
    }
}
