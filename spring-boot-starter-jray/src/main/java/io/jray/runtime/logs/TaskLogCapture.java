package io.jray.runtime.logs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps what tasks print and log while a node runs them: lines written to {@code System.out} and
 * {@code System.err} by a task's thread, and SLF4J events logged with the task's id in the MDC
 * (key {@value #MDC_KEY}). Each attempt's log is bounded ({@link Settings#maxTaskBytes()}), and a
 * node ships at most {@link Settings#maxBytesPerSecond()} of logs on average: over that, a task's
 * log is replaced by a note saying what was left out, and a WARN tells the operator once a minute.
 */
public final class TaskLogCapture implements AutoCloseable {

    /** The MDC key holding the id ({@code job/task}) of the task a thread runs. */
    public static final String MDC_KEY = "jray.task";

    private static final Log log = LogFactory.getLog(TaskLogCapture.class);
    private static final boolean SLF4J = present("org.slf4j.MDC");
    private static final long WARN_EVERY_MILLIS = 60_000;
    /** Logs of the tasks running in this JVM, by id, for events logged on threads of their own. */
    private static final Map<String, TaskLogBuffer> OPEN = new ConcurrentHashMap<>();

    private final Settings settings;
    private final LogBudget budget;
    private boolean installed;
    private long notKept;
    private long lastWarn;

    /**
     * How task logs are kept.
     *
     * @param enabled whether tasks' output is captured at all
     * @param maxTaskBytes the most bytes kept of one attempt's log (its first and last lines)
     * @param maxBytesPerSecond the most bytes of logs this node ships to Redis per second, on average
     * @param retention how long a task's log stays in Redis
     */
    public record Settings(boolean enabled, int maxTaskBytes, long maxBytesPerSecond, Duration retention) {

        /** The defaults of {@code jray.logs.*}. */
        public static final Settings DEFAULTS = new Settings(true, 16 * 1024, 64 * 1024, Duration.ofMinutes(30));
    }

    public TaskLogCapture(Settings settings) {
        this.settings = settings;
        this.budget = new LogBudget(settings.maxBytesPerSecond());
        if (settings.enabled()) {
            CapturedStreams.install();
            installed = true;
        }
    }

    /** How logs are kept. */
    public Settings settings() {
        return settings;
    }

    /** Starts keeping what the current thread prints and logs for the task; end it in a finally block. */
    public Session begin(String taskId) {
        if (!settings.enabled()) {
            return Session.NONE;
        }
        TaskLogBuffer buffer = new TaskLogBuffer(settings.maxTaskBytes(), CapturedStreams.charset());
        TaskLogBuffer outer = CapturedStreams.CURRENT.get();
        CapturedStreams.CURRENT.set(buffer);
        OPEN.put(taskId, buffer);
        String outerTask = SLF4J ? Slf4jBridge.enter(taskId) : null;
        return new Session(this, taskId, buffer, outer, outerTask, System.currentTimeMillis());
    }

    /** The log of a task running in this JVM, or {@code null}. */
    static TaskLogBuffer open(String taskId) {
        return OPEN.get(taskId);
    }

    private byte[] shipped(TaskLog attempt, String taskId) {
        byte[] bytes = attempt.encode();
        if (budget.take(bytes.length)) {
            return bytes;
        }
        TaskLog.Entry first = attempt.entries().getFirst();
        byte[] note = new TaskLog(List.of(first, new TaskLog.Entry(System.currentTimeMillis(),
                TaskLog.Source.NOTE, "", "this attempt's " + attempt.lines() + " line(s) (" + bytes.length
                + " bytes) were not kept: the node was over jray.logs.max-per-second ("
                + settings.maxBytesPerSecond() + " bytes/s)"))).encode();
        warnNotKept(taskId);
        return note;
    }

    private synchronized void warnNotKept(String taskId) {
        notKept++;
        long now = System.currentTimeMillis();
        if (now - lastWarn >= WARN_EVERY_MILLIS) {
            log.warn("Tasks print and log more than jray.logs.max-per-second (" + settings.maxBytesPerSecond()
                    + " bytes/s) on this node: the logs of " + notKept + " task attempt(s) were not kept (latest: "
                    + taskId + "). Raise the setting, or log less from tasks");
            lastWarn = now;
            notKept = 0;
        }
    }

    @Override
    public void close() {
        if (installed) {
            installed = false;
            CapturedStreams.uninstall();
        }
    }

    /** Whether the class is on this class path (without loading it). */
    static boolean present(String className) {
        try {
            Class.forName(className, false, TaskLogCapture.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** One attempt's capture, on the thread that began it. */
    public static final class Session {

        static final Session NONE = new Session(null, null, null, null, null, 0);
        private static final byte[] NOTHING = new byte[0];

        private final TaskLogCapture capture;
        private final String taskId;
        private final TaskLogBuffer buffer;
        private final TaskLogBuffer outer;
        private final String outerTask;
        private final long startedAt;

        private Session(TaskLogCapture capture, String taskId, TaskLogBuffer buffer, TaskLogBuffer outer,
                String outerTask, long startedAt) {
            this.capture = capture;
            this.taskId = taskId;
            this.buffer = buffer;
            this.outer = outer;
            this.outerTask = outerTask;
            this.startedAt = startedAt;
        }

        /**
         * Stops capturing and returns the attempt's log as stored, headed by its attempt and node;
         * empty when the task printed and logged nothing.
         */
        public byte[] end(int attempt, String node) {
            if (capture == null) {
                return NOTHING;
            }
            OPEN.remove(taskId, buffer);
            if (outer == null) {
                CapturedStreams.CURRENT.remove();
            }
            else {
                CapturedStreams.CURRENT.set(outer);
            }
            if (SLF4J) {
                Slf4jBridge.leave(outerTask);
            }
            TaskLog lines = buffer.close();
            if (lines.isEmpty()) {
                return NOTHING;
            }
            List<TaskLog.Entry> entries = new ArrayList<>(lines.entries().size() + 1);
            entries.add(new TaskLog.Entry(startedAt, TaskLog.Source.ATTEMPT, "", "attempt " + attempt
                    + " on node " + node));
            entries.addAll(lines.entries());
            return capture.shipped(new TaskLog(entries), taskId);
        }
    }
}
