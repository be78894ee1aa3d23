package io.jray.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.jray.runtime.logs.TaskLog;

/**
 * A task's log as the task page shows it: one row per line or event, with its time, its time
 * since its attempt started, where it came from and its text.
 *
 * @param lines the rows, oldest first
 * @param count how many lines the task itself wrote (attempt headers and notes not counted)
 */
record TaskLogView(List<Line> lines, long count) {

    static final TaskLogView EMPTY = new TaskLogView(List.of(), 0);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    /**
     * One row.
     *
     * @param time the wall-clock time, {@code HH:mm:ss.SSS}, or empty
     * @param since the time since its attempt started, such as {@code +12 ms}, or empty
     * @param source {@code out}, {@code err}, a level such as {@code WARN}, {@code attempt} or {@code note}
     * @param logger the logger's simple name for an SLF4J event, else empty
     * @param fullLogger the logger's full name, else empty
     * @param text the text, several lines for a stack trace
     */
    record Line(String time, String since, String source, String logger, String fullLogger, String text) {
    }

    static TaskLogView of(TaskLog log) {
        List<Line> lines = new ArrayList<>(log.entries().size());
        long attemptStart = 0;
        for (TaskLog.Entry e : log.entries()) {
            if (e.source() == TaskLog.Source.ATTEMPT) {
                attemptStart = e.at();
            }
            String since = e.source() == TaskLog.Source.ATTEMPT || attemptStart <= 0 || e.at() <= 0 ? ""
                    : "+" + Times.between(attemptStart, e.at());
            lines.add(new Line(e.at() <= 0 ? "" : CLOCK.format(Instant.ofEpochMilli(e.at())), since, source(e.source()),
                    simpleName(e.logger()), e.logger(), e.text()));
        }
        return new TaskLogView(lines, log.lines());
    }

    private static String source(TaskLog.Source source) {
        return switch (source) {
            case OUT -> "out";
            case ERR -> "err";
            case ATTEMPT -> "attempt";
            case NOTE -> "note";
            default -> source.name();
        };
    }

    private static String simpleName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }
}
