package io.jray.runtime.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.models.stream.PendingMessage;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.redis.BlockingConnection;
import io.jray.runtime.redis.RedisLink;
import io.jray.runtime.redis.WrongTypeStreams;

/**
 * Reads streams as this node's consumer of their group {@value #GROUP}, one asynchronous blocking
 * {@code XREADGROUP} at a time: the answer is handled on Lettuce's I/O thread, which then issues
 * the next read. Subclasses say which streams to read and how many entries, and take what
 * arrives; with nothing to read the loop rests until {@link #kick()}. Entries stay pending in the
 * group until acknowledged, so a node that dies loses nothing.
 */
abstract class GroupReader implements AutoCloseable {

    static final String GROUP = "w";

    private static final Log log = LogFactory.getLog(GroupReader.class);

    private final String node;
    private final ClusterHealth health;
    private final Duration block;
    private final Executor blockingWork;
    private final BlockingConnection connection;
    private final RedisLink redis;
    private final WrongTypeStreams wrongType;
    /** The streams read since the start, for {@link #reclaimOrphans}; those whose group is gone leave. */
    private final Set<String> recentlyRead = ConcurrentHashMap.newKeySet();
    /** Held by whoever issues the next read; released while there is nothing to read. */
    private final AtomicBoolean readTurn = new AtomicBoolean();
    private volatile boolean running;
    /** The streams of the blocking read in progress, or {@code null} while not reading. */
    private volatile Set<String> reading;
    private volatile CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
    private int failures;

    GroupReader(RedisLink redis, String node, ClusterHealth health, Duration block, Executor blockingWork) {
        this.node = node;
        this.health = health;
        this.block = block;
        this.blockingWork = blockingWork;
        this.connection = redis.openBlocking(block.plusSeconds(10));
        this.redis = redis;
        this.wrongType = new WrongTypeStreams(redis);
    }

    /** The streams to read now, or none to rest. */
    protected abstract List<String> streams();

    /** How many entries to read per stream now (0 to rest). */
    protected abstract int count(List<String> streams);

    /** Takes the entries read; runs on the I/O thread, so it must not block. */
    protected abstract void received(List<StreamMessage<String, byte[]>> messages);

    /** A stream read has no group any more (it was deleted); called off the I/O thread. */
    protected abstract void streamGone();

    /** Whether this node still answers for an entry it read (see {@link HeldEntries}). */
    protected abstract boolean holds(String stream, String entryId);

    /**
     * Takes up again the entries pending on this node's consumer, idle for longer than {@code idle},
     * that this node does not hold: a read's reply that never reached it (the read timed out while
     * Redis was paused, and Redis answered it later) left them there, where nobody else would take
     * them. Looks at the streams read lately; blocks, so it runs off the I/O thread.
     */
    void reclaimOrphans(Duration idle) {
        if (!running) {
            return;
        }
        Consumer<String> self = Consumer.from(GROUP, node);
        List<String> streams = List.copyOf(recentlyRead);
        // why: one pipelined round of XPENDING over every stream, not a round trip per stream
        List<CompletableFuture<List<PendingMessage>>> pendings = streams.stream()
                .map(stream -> redis.async().xpending(stream, new XPendingArgs<String>().group(GROUP).consumer(self)
                        .range(Range.create("-", "+")).limit(Limit.from(1000)).idle(idle)).toCompletableFuture())
                .toList();
        List<StreamMessage<String, byte[]>> orphans = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            String stream = streams.get(s);
            try {
                for (PendingMessage p : pendings.get(s).get(10, TimeUnit.SECONDS)) {
                    if (!holds(stream, p.getId())) {
                        List<StreamMessage<String, byte[]>> entry = redis.async().xrange(stream,
                                Range.create(p.getId(), p.getId())).get(10, TimeUnit.SECONDS);
                        if (entry.isEmpty()) {
                            redis.async().xack(stream, GROUP, p.getId());
                        }
                        orphans.addAll(entry);
                    }
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (Exception e) {
                log.debug("looking for orphaned entries of " + stream + " failed", e);
                String message = String.valueOf(e.getMessage());
                if (message.contains("NOGROUP") || message.contains("no such key")) {
                    recentlyRead.remove(stream);
                }
            }
        }
        if (!orphans.isEmpty()) {
            log.warn("Taking up again " + orphans.size() + " entries pending on node " + node + " whose read it never "
                    + "received (Redis answered a read after it had timed out)");
            received(orphans);
        }
    }

    void start() {
        running = true;
        kick();
    }

    boolean isRunning() {
        return running;
    }

    /** Issues the next read unless one is in progress. */
    void kick() {
        if (running && readTurn.compareAndSet(false, true)) {
            read();
        }
    }

    /** Ends the read in progress, if any, so the next one reads the streams of now. */
    void wake() {
        connection.wake();
        kick();
    }

    /** The streams of the read in progress, or {@code null}. */
    Set<String> reading() {
        return reading;
    }

    private void read() {
        List<String> streams = running ? wrongType.readable(streams()) : List.of();
        int count = streams.isEmpty() ? 0 : count(streams);
        if (count <= 0) {
            readTurn.set(false);
            // why: work that became possible between the check and the release above kicked in vain
            List<String> now = running ? wrongType.readable(streams()) : List.of();
            if (!now.isEmpty() && count(now) > 0) {
                kick();
            }
            return;
        }
        reading = Set.copyOf(streams);
        recentlyRead.addAll(streams);
        inFlight = connection.forRead().xreadgroup(Consumer.from(GROUP, node),
                XReadArgs.Builder.block(block).count(count), offsets(streams))
                .toCompletableFuture().whenComplete((messages, error) -> {
                    reading = null;
                    if (error != null) {
                        failed(error, streams);
                        return;
                    }
                    failures = 0;
                    try {
                        if (messages != null) {
                            received(messages);
                        }
                    }
                    finally {
                        read();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static XReadArgs.StreamOffset<String>[] offsets(List<String> streams) {
        return streams.stream().map(XReadArgs.StreamOffset::lastConsumed).toArray(XReadArgs.StreamOffset[]::new);
    }

    private void failed(Throwable error, List<String> streams) {
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
        if (WrongTypeStreams.isCause(error)) {
            CompletableFuture.runAsync(() -> wrongType.check(streams), blockingWork).whenComplete((ok, e) -> retry.run());
            return;
        }
        if (String.valueOf(error.getMessage()).contains("NOGROUP")) {
            CompletableFuture.runAsync(this::streamGone, blockingWork).whenComplete((ok, e) -> retry.run());
            return;
        }
        health.onFailure(error);
        log.debug("reading " + getClass().getSimpleName() + " streams failed", error);
        CompletableFuture.delayedExecutor(Math.min(1000, 20L * failures), TimeUnit.MILLISECONDS).execute(retry);
    }

    /** Stops reading: ends the read in progress and closes the connection. */
    @Override
    public void close() {
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
        connection.close();
    }
}
