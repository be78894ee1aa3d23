package io.jray.runtime.logs;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code System.out} and {@code System.err}, replaced once per JVM (however many nodes it runs)
 * by streams that still write everything where it went before and also hand what a task's thread
 * writes to that task's log. Put back when the last node that installed them closes.
 */
final class CapturedStreams {

    /** The log of the task the current thread runs, if any. */
    static final ThreadLocal<TaskLogBuffer> CURRENT = new ThreadLocal<>();

    /** Whether Logback events are captured as events, so their console lines must not be captured again. */
    static volatile boolean eventsCaptured;

    private static final StackWalker STACK = StackWalker.getInstance();
    /** How deep a write from a Logback appender sits below our stream (PrintStream frames between). */
    private static final int LOGBACK_DEPTH = 12;

    private static int users;
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static PrintStream out;
    private static PrintStream err;

    private CapturedStreams() {
    }

    static synchronized void install() {
        if (users++ > 0) {
            return;
        }
        originalOut = System.out;
        originalErr = System.err;
        out = new PrintStream(new Tee(originalOut, TaskLog.Source.OUT), true, originalOut.charset());
        err = new PrintStream(new Tee(originalErr, TaskLog.Source.ERR), true, originalErr.charset());
        System.setOut(out);
        System.setErr(err);
    }

    static synchronized void uninstall() {
        if (users == 0 || --users > 0) {
            return;
        }
        // why: a stream someone else set after ours stays theirs
        if (System.out == out) {
            System.setOut(originalOut);
        }
        if (System.err == err) {
            System.setErr(originalErr);
        }
    }

    static synchronized boolean installed() {
        return users > 0;
    }

    /** The charset text written to {@code System.out} is encoded with. */
    static java.nio.charset.Charset charset() {
        return System.out.charset();
    }

    private static boolean fromLogback() {
        return STACK.walk(frames -> frames.limit(LOGBACK_DEPTH)
                .anyMatch(f -> f.getClassName().startsWith("ch.qos.logback.")));
    }

    /** Writes through to the original stream, and into the running task's log. */
    private static final class Tee extends OutputStream {

        private final PrintStream target;
        private final TaskLog.Source source;

        Tee(PrintStream target, TaskLog.Source source) {
            this.target = target;
            this.source = source;
        }

        @Override
        public void write(int b) {
            target.write(b);
            TaskLogBuffer log = CURRENT.get();
            if (log != null && !(eventsCaptured && fromLogback())) {
                log.write(source, new byte[] {(byte) b}, 0, 1);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target.write(bytes, offset, length);
            TaskLogBuffer log = CURRENT.get();
            if (log != null && !(eventsCaptured && fromLogback())) {
                log.write(source, bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
