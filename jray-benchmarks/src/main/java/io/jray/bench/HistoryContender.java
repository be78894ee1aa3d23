package io.jray.bench;

import java.time.Duration;
import java.util.Map;

/**
 * A system whose driver serves a dashboard with a task history, its cluster already running: the
 * benchmark's JVM is the driver (and serves the pages), the worker JVMs run the tasks along with it.
 * The history suite fills the history through it, then asks the dashboard for pages over HTTP.
 */
public interface HistoryContender extends Cluster {

    /**
     * The remote functions the history suite calls: task {@code i} calls {@link #of(int)}, so about
     * 1 % of the tasks fail and the others are spread evenly over three functions that succeed.
     */
    enum Function {
        NOOP("noop"), NOOP2("noop2"), NOOP3("noop3"), FAIL("fail");

        private final String method;

        Function(String method) {
            this.method = method;
        }

        /** The method's name in the task class; each takes one {@code int} and returns it (or throws). */
        public String method() {
            return method;
        }

        /** The function task {@code i} calls: every 100th task fails. */
        public static Function of(int i) {
            if (i % 100 == 99) {
                return FAIL;
            }
            return switch (i % 3) {
                case 0 -> NOOP;
                case 1 -> NOOP2;
                default -> NOOP3;
            };
        }
    }

    /**
     * What a wave of tasks did.
     *
     * @param failed how many of its tasks failed (all of them called {@link Function#FAIL})
     * @param firstId the id of its first task, such as {@code job/task}
     */
    record Wave(int failed, String firstId) {
    }

    /**
     * How far the history's indexer got.
     *
     * @param applied the id of the last event-stream entry the index applied ({@code 0-0}: none)
     * @param written the id of the last entry in the event stream ({@code 0-0}: none)
     */
    record Progress(String applied, String written) {

        /** Whether the index applied the stream entry {@code entry} (and those before it). */
        public boolean applied(String entry) {
            String[] a = applied.split("-");
            String[] e = entry.split("-");
            int ms = Long.compare(Long.parseLong(a[0]), Long.parseLong(e[0]));
            return (ms != 0 ? ms : Long.compare(Long.parseLong(a[1]), Long.parseLong(e[1]))) >= 0;
        }
    }

    /** The dashboard's root URL, such as {@code http://127.0.0.1:41234} (its pages are under {@code /jray}). */
    String dashboard();

    /** Waits until the tasks submitted from now on enter the history; fails after {@code timeout}. */
    void awaitListening(Duration timeout) throws Exception;

    /**
     * Submits tasks {@code first} to {@code first + count - 1} without waiting, task {@code i}
     * calling {@link Function#of(int)} with {@code i}; then waits for all of them and checks each
     * value (or failure). The refs are dropped when it returns, so their values can be freed.
     */
    Wave wave(int first, int count) throws Exception;

    /** How far the history's indexer got. */
    Progress progress() throws Exception;

    /** The history's tasks in each state, by the dashboard's state letters (W Q R F E C D). */
    Map<String, Long> countsByState() throws Exception;

    /** How many tasks of the history match a filter; {@code null} fields do not filter. */
    long matching(String state, String function, String node) throws Exception;

    /** The id by which the history names {@code function}, as the Tasks page's {@code function} parameter. */
    String functionId(Function function) throws Exception;

    /** The node id of a worker JVM that ran tasks of the history. */
    String workerNode() throws Exception;

    /** How many tasks the history keeps at most. */
    int historyCapacity();

    /** The bytes Redis uses for the history's own keys ({@code MEMORY USAGE}, summed). */
    long historyBytes();
}
