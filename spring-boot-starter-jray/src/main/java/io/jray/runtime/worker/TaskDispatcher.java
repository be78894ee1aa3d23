package io.jray.runtime.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Keys;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.Resources;
import io.jray.runtime.redis.BlockingConnection;
import io.jray.runtime.redis.RedisLink;
import io.jray.runtime.task.ObjectId;

/**
 * Pulls ready tasks from the queues this node can serve, as it has free resources: one blocking
 * {@code XREADGROUP} over the queues of every active job. Entries stay pending in the consumer
 * group until their outcome is reported, so a node that dies loses nothing. When tasks are short,
 * more are read than fit at once (prefetch); entries that wait here too long are given back.
 */
public final class TaskDispatcher implements AutoCloseable {

    private static final Log log = LogFactory.getLog(TaskDispatcher.class);
    static final String GROUP = "w";

    private final Keys keys;
    private final String node;
    private final JobDirectory directory;
    private final ResourcePool pool;
    private final TaskRunner runner;
    private final ClusterHealth health;
    private final PrefetchPolicy prefetch;
    private final Duration block;
    private final BlockingConnection connection;
    private final LocalQueue local;
    private final Map<String, ResourcePool.Demand> shapes = new ConcurrentHashMap<>();
    /** Held by whoever issues the next read; released while there is nothing this node can read. */
    private final AtomicBoolean readTurn = new AtomicBoolean();
    private final Executor blockingWork;
    private volatile boolean running;
    /** The queues of the blocking read in progress, or {@code null} while not reading. */
    private volatile Set<String> reading;
    private volatile CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
    private int failures;

    TaskDispatcher(RedisLink redis, Keys keys, String node, JobDirectory directory, ResourcePool pool,
            TaskRunner runner, OutcomeReporter reporter, ClusterHealth health, PrefetchPolicy prefetch,
            Duration block, Duration giveBackAfter, Executor blockingWork) {
        this.local = new LocalQueue(pool, runner, reporter, prefetch, giveBackAfter);
        this.keys = keys;
        this.blockingWork = blockingWork;
        this.node = node;
        this.directory = directory;
        this.pool = pool;
        this.runner = runner;
        this.health = health;
        this.prefetch = prefetch;
        this.block = block;
        this.connection = redis.openBlocking(block.plusSeconds(10));
        directory.onChange(this::wake);
        pool.onRelease(this::resourcesReleased);
    }

    /** A task ended or blocked: start what waits here, and read more if there is room. */
    private void resourcesReleased() {
        local.startReady();
        wakeIfMoreQueuesFit();
        kick();
    }

    void start() {
        running = true;
        kick();
    }

    /** Re-reads the job directory at once (it changed). */
    void wake() {
        connection.wake();
        kick();
    }

    /** Issues the next read unless one is in progress. */
    private void kick() {
        if (running && readTurn.compareAndSet(false, true)) {
            read();
        }
    }

    /** Drops a cancelled task held here, or interrupts it if it runs here. */
    void cancel(ObjectId task) {
        local.cancel(task);
    }

    void retainJobs(Set<String> active) {
        local.retainJobs(active);
    }

    /**
     * One blocking {@code XREADGROUP} over the queues this node can serve now, for as many tasks as
     * it has room for; its answer, handled on Lettuce's I/O thread, starts the tasks and the next
     * read. With no room, the turn is released until a task ends or the directory changes.
     */
    private void read() {
        List<Stream> readable = readableStreams(!prefetch.readsAhead());
        int count = readable.isEmpty() ? 0 : prefetch.readCount(maxFit(readable), local.size());
        if (!running || count <= 0) {
            readTurn.set(false);
            // why: resources freed between the check and the release above kicked in vain
            if (running && canRead()) {
                kick();
            }
            return;
        }
        reading = readable.stream().map(Stream::key).collect(Collectors.toSet());
        inFlight = connection.forRead().xreadgroup(Consumer.from(GROUP, node),
                XReadArgs.Builder.block(block).count(count), offsets(readable))
                .toCompletableFuture().whenComplete((messages, error) -> {
                    reading = null;
                    if (error != null) {
                        failed(error);
                        return;
                    }
                    failures = 0;
                    try {
                        accept(messages, readable);
                        local.startReady();
                        local.giveBackStale();
                    }
                    finally {
                        read();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static XReadArgs.StreamOffset<String>[] offsets(List<Stream> streams) {
        return streams.stream().map(s -> XReadArgs.StreamOffset.lastConsumed(s.key()))
                .toArray(XReadArgs.StreamOffset[]::new);
    }

    private boolean canRead() {
        List<Stream> readable = readableStreams(!prefetch.readsAhead());
        return !readable.isEmpty() && prefetch.readCount(maxFit(readable), local.size()) > 0;
    }

    private void failed(Throwable error) {
        if (!running) {
            readTurn.set(false);
            return;
        }
        connection.markStale();
        failures++;
        Runnable retry = () -> {
            readTurn.set(false);
            kick();
        };
        if (String.valueOf(error.getMessage()).contains("NOGROUP")) {
            // why: a queue went away with its job; re-read the directory off the I/O thread, then read
            CompletableFuture.runAsync(this::refreshDirectory, blockingWork).whenComplete((ok, e) -> retry.run());
            return;
        }
        health.onFailure(error);
        log.debug("reading tasks failed", error);
        CompletableFuture.delayedExecutor(Math.min(1000, 20L * failures), TimeUnit.MILLISECONDS).execute(retry);
    }

    private record Stream(String key, String job, String shape, ResourcePool.Demand demand) {
    }

    /** The queues this node can serve, and (unless reading ahead) has room for now. */
    private List<Stream> readableStreams(boolean fitNow) {
        List<Stream> streams = new ArrayList<>();
        for (Map.Entry<String, Set<String>> job : directory.jobs().entrySet()) {
            for (String shape : job.getValue()) {
                ResourcePool.Demand demand = demand(shape);
                if (demand.feasible() && (!fitNow || pool.fits(demand, 1) > 0)) {
                    streams.add(new Stream(keys.queue(job.getKey(), shape), job.getKey(), shape, demand));
                }
            }
        }
        return streams;
    }

    private int maxFit(List<Stream> streams) {
        int max = 0;
        for (Stream s : streams) {
            max = Math.max(max, pool.fits(s.demand(), 10_000));
        }
        return max;
    }

    private ResourcePool.Demand demand(String shape) {
        return shapes.computeIfAbsent(shape, s -> {
            try {
                return pool.compile(Resources.parseShape(s));
            }
            catch (RuntimeException e) {
                log.warn("Ignoring a queue with a malformed resource shape '" + s + "'");
                return pool.compile(Resources.of(Map.of(Resources.CPU, Double.MAX_VALUE)));
            }
        });
    }

    private void accept(List<StreamMessage<String, byte[]>> messages, List<Stream> readable) {
        if (messages == null) {
            return;
        }
        long now = System.nanoTime();
        for (StreamMessage<String, byte[]> message : messages) {
            Stream stream = readable.stream().filter(s -> s.key().equals(message.getStream())).findFirst().orElse(null);
            Map<String, byte[]> body = message.getBody();
            byte[] task = body.get("t");
            byte[] attempt = body.get("a");
            byte[] spec = body.get("s");
            if (stream == null || task == null || attempt == null || spec == null) {
                log.warn("Ignoring a malformed queue entry " + message.getId() + " in " + message.getStream());
                continue;
            }
            local.add(new Delivery(new ObjectId(stream.job(), text(task)), Integer.parseInt(text(attempt)),
                    Keys.taskQueue(stream.shape()), stream.demand(), message.getId(), spec, now));
        }
    }

    /** Ends a blocking read when freed resources let this node serve a queue it does not read now. */
    private void wakeIfMoreQueuesFit() {
        Set<String> current = reading;
        if (current == null || prefetch.readsAhead()) {
            return;
        }
        for (Stream stream : readableStreams(true)) {
            if (!current.contains(stream.key())) {
                connection.wake();
                return;
            }
        }
    }

    private void refreshDirectory() {
        try {
            directory.refresh();
        }
        catch (Exception e) {
            log.debug("refreshing the job directory failed", e);
        }
    }

    /** Stops reading; hands back what it read but did not start; waits for running tasks. */
    @Override
    public synchronized void close() {
        closeWithin(Duration.ofSeconds(10));
    }

    synchronized void closeWithin(Duration grace) {
        running = false;
        connection.wake();
        try {
            inFlight.get(block.toMillis() + 2000, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            // why: the read ended with an error or did not end in time; closing goes on
        }
        local.giveBackAll();
        long deadline = System.nanoTime() + grace.toNanos();
        while (runner.runningCount() > 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
        connection.close();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
