package io.jray.bench.jray;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.boot.WebApplicationType;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskFailedException;
import io.jray.bench.HistoryContender;
import io.jray.bench.RedisServer;
import io.jray.bench.Settings;
import io.jray.bench.tasks.BenchTasks;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.history.HistoryFilter;
import io.jray.runtime.control.history.HistoryIndexer;
import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.function.FunctionId;

/**
 * jray's dashboard over a large task history: the cluster of {@link JRayContender}, except that
 * the driver is a reactive web application on a free loopback port, so it serves the dashboard
 * (the {@code jray-dashboard} module is on this JVM's class path) and runs its history indexer.
 * The history keeps the dashboard's default 1,000,000 tasks, or as many as the suite records if more.
 */
public final class JRayHistory implements HistoryContender {

    /** {@code jray.dashboard.history-size} when not set: what the dashboard keeps by default. */
    static final int DEFAULT_HISTORY_SIZE = 1_000_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Settings settings;
    private final JRayNodes nodes;
    private final RedisCommands<String, String> redis;
    private final JRay jray;
    private final TaskHistory history;
    private final HistoryIndexer indexer;
    private final String driverNode;
    private final int historySize;
    private boolean closed;

    private JRayHistory(Settings settings, JRayNodes nodes, RedisServer redis, int historySize) {
        this.settings = settings;
        this.nodes = nodes;
        this.redis = redis.commands();
        this.jray = nodes.jray();
        this.history = nodes.driverBean(TaskHistory.class);
        this.indexer = nodes.driverBean(HistoryIndexer.class);
        this.driverNode = nodes.driverBean(JRayNode.class).identity().id();
        this.historySize = historySize;
    }

    /** Starts the worker JVMs, waits until they joined, then starts the driver with the dashboard. */
    public static JRayHistory start(Settings settings, RedisServer redis) throws InterruptedException {
        int size = Math.max(DEFAULT_HISTORY_SIZE, settings.historyTasks());
        JRayNodes nodes = JRayNodes.start(settings, redis, List.of(), i -> List.of(), WebApplicationType.REACTIVE,
                List.of("jray.dashboard.history-size=" + size));
        try {
            return new JRayHistory(settings, nodes, redis, size);
        }
        catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "jray";
    }

    @Override
    public String setup() {
        return JRayNodes.describe(settings) + "; the driver is also a reactive web application (WebFlux on "
                + "Netty, 127.0.0.1) serving the dashboard of `jray-dashboard`, so it runs the history indexer; "
                + String.format(Locale.ROOT, "`jray.dashboard.history-size=%d` (%,d slots)", historySize,
                        history.capacity());
    }

    @Override
    public List<ProcessHandle> workerProcesses() {
        return nodes.workerProcesses();
    }

    @Override
    public String dashboard() {
        return "http://127.0.0.1:" + nodes.driverPort();
    }

    @Override
    public void awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!indexer.isListening()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dashboard's history indexer did not listen within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public Wave wave(int first, int count) throws Exception {
        List<ObjectRef<Integer>> refs = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            refs.add(submit(Function.of(i), i));
        }
        List<CompletableFuture<Integer>> values = refs.stream().map(ObjectRef::toFuture).toList();
        CompletableFuture.allOf(values.toArray(CompletableFuture[]::new)).handle((v, e) -> null)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int failed = 0;
        for (int k = 0; k < count; k++) {
            int i = first + k;
            CompletableFuture<Integer> value = values.get(k);
            boolean fails = Function.of(i) == Function.FAIL;
            if (value.isCompletedExceptionally()) {
                Throwable e = value.exceptionNow();
                if (!fails || !(e instanceof TaskFailedException)) {
                    throw new IllegalStateException("task " + i + " (" + refs.get(k).id() + ") failed", e);
                }
                failed++;
            }
            else if (fails || value.resultNow() != i) {
                throw new IllegalStateException("task " + i + " (" + refs.get(k).id() + ") returned "
                        + value.resultNow());
            }
        }
        return new Wave(failed, refs.getFirst().id());
    }

    private ObjectRef<Integer> submit(Function function, int i) {
        return switch (function) {
            case NOOP -> jray.task(BenchTasks::noop, i).remote();
            case NOOP2 -> jray.task(BenchTasks::noop2, i).remote();
            case NOOP3 -> jray.task(BenchTasks::noop3, i).remote();
            case FAIL -> jray.task(BenchTasks::fail, i).remote();
        };
    }

    @Override
    public Progress progress() throws Exception {
        String applied = redis.get(key("h:cursor"));
        List<StreamMessage<String, String>> last = redis.xrevrange(key("ev"), Range.unbounded(), Limit.from(1));
        return new Progress(applied == null ? "0-0" : applied, last.isEmpty() ? "0-0" : last.getFirst().getId());
    }

    @Override
    public Map<String, Long> countsByState() throws Exception {
        return history.countsByState();
    }

    @Override
    public long matching(String state, String function, String node) throws Exception {
        return history.page(new HistoryFilter(state, function, node), 0, 1).total();
    }

    @Override
    public String functionId(Function function) throws NoSuchMethodException {
        return FunctionId.of(BenchTasks.class, BenchTasks.class.getMethod(function.method(), int.class));
    }

    @Override
    public String workerNode() throws Exception {
        List<String> nodes = history.seen().nodes();
        return nodes.stream().filter(node -> !node.equals(driverNode)).findFirst().orElseThrow(
                () -> new IllegalStateException("no worker JVM ran a task of the history: nodes " + nodes));
    }

    @Override
    public int historyCapacity() {
        return history.capacity();
    }

    @Override
    public long historyBytes() {
        long bytes = 0;
        ScanArgs args = ScanArgs.Builder.matches(key("h:*")).limit(10_000);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, args);
            for (String key : page.getKeys()) {
                Long usage = redis.memoryUsage(key);
                bytes += usage == null ? 0 : usage;
            }
            cursor = page;
        }
        while (!cursor.isFinished());
        return bytes;
    }

    private static String key(String suffix) {
        return JRayNodes.NAMESPACE + ":" + suffix;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // why: the node stops (and closes its Redis connections) in the context's lifecycle phase, before the
        // indexer bean is destroyed; stopped first, the indexer does not retry reading for seconds meanwhile
        indexer.close();
        nodes.close();
    }
}
