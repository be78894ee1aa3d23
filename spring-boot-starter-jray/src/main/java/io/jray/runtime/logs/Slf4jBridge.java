package io.jray.runtime.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Where SLF4J meets task logs: the running task's id goes into the MDC under
 * {@link TaskLogCapture#MDC_KEY}, and when Logback is the SLF4J backend an appender on its root
 * logger hands each event logged for a task (found through the MDC, so a task's own threads count
 * when they carry it) to that task's log. Loaded only when SLF4J is on the class path.
 */
final class Slf4jBridge {

    private static final boolean LOGBACK = TaskLogCapture.present("ch.qos.logback.classic.LoggerContext");
    private static final TaskAppender APPENDER = new TaskAppender();

    private Slf4jBridge() {
    }

    /** Puts the task into the MDC and makes sure Logback's events reach task logs; returns the id it replaces. */
    static String enter(String taskId) {
        String previous = MDC.get(TaskLogCapture.MDC_KEY);
        MDC.put(TaskLogCapture.MDC_KEY, taskId);
        if (LOGBACK) {
            attach();
        }
        return previous;
    }

    /** Puts back the MDC as it was before {@link #enter}. */
    static void leave(String previous) {
        if (previous == null) {
            MDC.remove(TaskLogCapture.MDC_KEY);
        }
        else {
            MDC.put(TaskLogCapture.MDC_KEY, previous);
        }
    }

    /** Attaches the appender to Logback's root logger, again after a reconfiguration detached it. */
    private static void attach() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.isAttached(APPENDER) && APPENDER.isStarted()) {
            return;
        }
        synchronized (APPENDER) {
            if (!root.isAttached(APPENDER)) {
                APPENDER.setContext(context);
                APPENDER.setName("jray-task-logs");
                root.addAppender(APPENDER);
            }
            if (!APPENDER.isStarted()) {
                APPENDER.start();
            }
            CapturedStreams.eventsCaptured = true;
        }
    }

    /** Hands events logged for a task to its log; any other event passes by at the cost of a map lookup. */
    private static final class TaskAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        @Override
        protected void append(ILoggingEvent event) {
            TaskLogBuffer log = CapturedStreams.CURRENT.get();
            if (log == null) {
                String task = event.getMDCPropertyMap().get(TaskLogCapture.MDC_KEY);
                log = task == null ? null : TaskLogCapture.open(task);
            }
            if (log == null) {
                return;
            }
            String text = event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                text = text + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            log.add(event.getTimeStamp(), source(event.getLevel()), event.getLoggerName(), text);
        }

        private static TaskLog.Source source(Level level) {
            return switch (level.toInt()) {
                case Level.ERROR_INT -> TaskLog.Source.ERROR;
                case Level.WARN_INT -> TaskLog.Source.WARN;
                case Level.INFO_INT -> TaskLog.Source.INFO;
                case Level.DEBUG_INT -> TaskLog.Source.DEBUG;
                default -> TaskLog.Source.TRACE;
            };
        }
    }
}
