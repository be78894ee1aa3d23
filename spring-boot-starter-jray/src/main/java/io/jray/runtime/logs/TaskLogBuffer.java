package io.jray.runtime.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers what one attempt of a task prints and logs, within a size bound: the first half of the
 * bound keeps the first lines, the second half the last ones, and the lines between are counted
 * and left out. Bytes written to a stream are cut into lines at '\n'. Safe to use from several
 * threads (a task's own threads log into it through the MDC).
 */
final class TaskLogBuffer {

    /** What an entry weighs beyond its text: time, source, separators. */
    private static final int ENTRY_OVERHEAD = 20;

    private final int halfBytes;
    private final Charset charset;
    private final List<TaskLog.Entry> head = new ArrayList<>();
    private final ArrayDeque<TaskLog.Entry> tail = new ArrayDeque<>(0);
    /** Unfinished lines of System.out and System.err, made on the first write (most tasks print nothing). */
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;
    private int headBytes;
    private int tailBytes;
    private long leftOutLines;
    private long leftOutBytes;
    private boolean closed;

    TaskLogBuffer(int maxBytes, Charset charset) {
        this.halfBytes = Math.max(256, maxBytes / 2);
        this.charset = charset;
    }

    /** Adds one entry written now. */
    void add(TaskLog.Source source, String logger, String text) {
        add(System.currentTimeMillis(), source, logger, text);
    }

    synchronized void add(long at, TaskLog.Source source, String logger, String text) {
        if (closed) {
            return;
        }
        String kept = cut(text == null ? "" : text, logger == null ? 0 : logger.length());
        TaskLog.Entry entry = new TaskLog.Entry(at, source, logger, kept);
        int weight = weight(entry);
        if (tail.isEmpty() && headBytes + weight <= halfBytes) {
            head.add(entry);
            headBytes += weight;
            return;
        }
        tail.addLast(entry);
        tailBytes += weight;
        while (tailBytes > halfBytes && tail.size() > 1) {
            TaskLog.Entry dropped = tail.removeFirst();
            tailBytes -= weight(dropped);
            leftOutLines++;
            leftOutBytes += dropped.text().length();
        }
    }

    /** Bytes the task wrote to {@code System.out} ({@link TaskLog.Source#OUT}) or {@code System.err}. */
    synchronized void write(TaskLog.Source stream, byte[] bytes, int offset, int length) {
        if (closed) {
            return;
        }
        ByteArrayOutputStream pending = pending(stream);
        int lineStart = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, lineStart, i - lineStart);
                flushLine(stream, pending);
                lineStart = i + 1;
            }
        }
        pending.write(bytes, lineStart, offset + length - lineStart);
        if (pending.size() > halfBytes) {
            // why: a task that writes without ever ending its line must not grow this without bound
            flushLine(stream, pending);
        }
    }

    /** Ends the attempt's log: unfinished lines are kept, later writes ignored. */
    synchronized TaskLog close() {
        flushLine(TaskLog.Source.OUT, out);
        flushLine(TaskLog.Source.ERR, err);
        closed = true;
        List<TaskLog.Entry> entries = new ArrayList<>(head);
        if (leftOutLines > 0) {
            long at = tail.isEmpty() ? System.currentTimeMillis() : tail.getFirst().at();
            entries.add(new TaskLog.Entry(at, TaskLog.Source.NOTE, "", "… " + leftOutLines + " line(s) ("
                    + leftOutBytes + " characters) left out: a task's log keeps about its first and last "
                    + halfBytes + " bytes (half of jray.logs.max-per-task each) …"));
        }
        entries.addAll(tail);
        return new TaskLog(entries);
    }

    private ByteArrayOutputStream pending(TaskLog.Source stream) {
        if (stream == TaskLog.Source.ERR) {
            err = err == null ? new ByteArrayOutputStream() : err;
            return err;
        }
        out = out == null ? new ByteArrayOutputStream() : out;
        return out;
    }

    private void flushLine(TaskLog.Source stream, ByteArrayOutputStream pending) {
        if (pending == null || pending.size() == 0) {
            return;
        }
        String line = pending.toString(charset);
        pending.reset();
        add(stream, "", line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }

    private String cut(String text, int loggerLength) {
        int room = halfBytes - ENTRY_OVERHEAD - loggerLength;
        if (text.length() <= room) {
            return text;
        }
        String note = "… (" + (text.length() - room) + " more characters cut)";
        return text.substring(0, Math.max(0, room - note.length())) + note;
    }

    private static int weight(TaskLog.Entry entry) {
        return ENTRY_OVERHEAD + entry.logger().length() + entry.text().length();
    }
}
