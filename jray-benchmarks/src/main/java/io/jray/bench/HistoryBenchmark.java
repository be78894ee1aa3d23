package io.jray.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.jray.bench.HistoryContender.Progress;
import io.jray.bench.HistoryContender.Wave;
import io.jray.bench.HistoryResult.Query;

/**
 * The history protocol: once the dashboard's indexer listens, fill the task history with
 * {@code bench.history-tasks} tasks in waves (submitted, then all awaited, then indexed), about 1 %
 * of them failing; check that the history holds every one of them in its final state; read what
 * Redis holds; then ask the dashboard's Tasks page for each kind of query (see {@link HistoryQueries}).
 * Waiting for the index after every wave keeps the indexer's backlog within the event stream, which
 * the control plane's scripts cap at about 50,000 entries.
 */
public final class HistoryBenchmark {

    /** Tasks per wave. */
    static final int WAVE = 20_000;
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);
    /** The longest wait for the indexer to apply one wave. */
    private static final Duration INDEX_TIMEOUT = Duration.ofMinutes(2);
    private static final long LOG_EVERY = 100_000;

    private final Settings settings;
    private final RedisServer redis;

    public HistoryBenchmark(Settings settings, RedisServer redis) {
        this.settings = settings;
        this.redis = redis;
    }

    /** What the fill did. */
    private record Fill(int failed, long nanos, long indexWaitNanos, String taskId) {
    }

    /** Runs the protocol on a started contender. */
    public HistoryResult run(HistoryContender contender) throws Exception {
        contender.awaitListening(LISTEN_TIMEOUT);
        long memoryBefore = redis.usedMemory();
        Fill fill = fill(contender);
        Map<String, Long> counts = check(contender, fill);
        long memoryAfter = redis.usedMemory();
        long historyBytes = contender.historyBytes();
        log(String.format(Locale.ROOT, "Redis used_memory %,d -> %,d bytes; the history's keys %,d bytes",
                memoryBefore, memoryAfter, historyBytes));
        System.gc();
        List<Query> queries;
        try (HistoryQueries http = new HistoryQueries(contender.dashboard(), settings.historyQueries())) {
            queries = http.measure(HistoryQueries.kinds(contender, settings.historyTasks(), fill.failed(),
                    fill.taskId()));
        }
        return new HistoryResult(contender.name(), contender.setup(), settings.historyTasks(), fill.failed(), WAVE,
                fill.nanos(), fill.indexWaitNanos(), memoryBefore, memoryAfter, historyBytes, counts,
                contender.historyCapacity(), queries);
    }

    private Fill fill(HistoryContender contender) throws Exception {
        int tasks = settings.historyTasks();
        int failed = 0;
        long waiting = 0;
        String taskId = null;
        long start = System.nanoTime();
        long logged = 0;
        for (int first = 0; first < tasks; first += WAVE) {
            int count = Math.min(WAVE, tasks - first);
            Wave wave = contender.wave(first, count);
            failed += wave.failed();
            if (first <= tasks / 2 && tasks / 2 < first + count) {
                taskId = wave.firstId();
            }
            long indexing = System.nanoTime();
            awaitIndexed(contender);
            waiting += System.nanoTime() - indexing;
            int done = first + count;
            if (done - logged >= LOG_EVERY || done == tasks) {
                logged = done;
                log(String.format(Locale.ROOT, "%,d tasks recorded (%,d failed), %,.0f tasks/s so far, %.1f s of "
                        + "it waiting for the indexer", done, failed, done / ((System.nanoTime() - start) / 1e9),
                        waiting / 1e9));
            }
        }
        return new Fill(failed, System.nanoTime() - start, waiting, taskId);
    }

    /** Waits until the index applied every event-stream entry written so far. */
    private static void awaitIndexed(HistoryContender contender) throws Exception {
        String written = contender.progress().written();
        long deadline = System.nanoTime() + INDEX_TIMEOUT.toNanos();
        Progress progress;
        while (!(progress = contender.progress()).applied(written)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the history's indexer did not apply the event stream up to "
                        + written + " within " + INDEX_TIMEOUT + ": it got to " + progress.applied());
            }
            Thread.sleep(20);
        }
    }

    /** Fails unless the history holds every task submitted, each finished or failed as meant to. */
    private Map<String, Long> check(HistoryContender contender, Fill fill) throws Exception {
        Map<String, Long> counts = contender.countsByState();
        long tasks = settings.historyTasks();
        long finished = counts.getOrDefault("F", 0L);
        long failed = counts.getOrDefault("E", 0L);
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        if (all != tasks || finished != tasks - fill.failed() || failed != fill.failed()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the history holds %,d tasks by state %s, "
                    + "not the %,d submitted (%,d finished, %,d failed): events were lost or not yet indexed", all,
                    counts, tasks, tasks - fill.failed(), fill.failed()));
        }
        return counts;
    }

    private static void log(String message) {
        System.out.println("[history] " + message);
    }
}
