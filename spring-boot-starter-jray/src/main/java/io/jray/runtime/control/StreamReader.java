package io.jray.runtime.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.redis.BlockingConnection;
import io.jray.runtime.control.redis.RedisLink;
import io.jray.runtime.control.redis.WrongTypeStreams;

/**
 * The one blocking-read loop of the runtime: the task, actor, notification and history readers
 * each run one. A read is an asynchronous blocking {@code XREADGROUP} (as a consumer of the group
 * {@value Streams#GROUP}) or {@code XREAD} (from positions this reader keeps) on a connection of its
 * own; its answer is handled on Lettuce's I/O thread (or on a given executor), which then issues
 * the next read. With nothing to read the loop rests until {@link #kick()}. Here, once for all
 * readers: backoff after a failure, {@code NOGROUP}, a key that is not a stream ({@code WRONGTYPE},
 * passed over with a WARN), an entry its source cannot take (logged with its key and passed over,
 * never read again in a hot loop), and closing.
 */
public final class StreamReader implements AutoCloseable {

    /** What a reader reads and what it does with what arrives. */
    public interface Source {

        /** The streams to read now (group reads; plain reads read what they {@linkplain #watch watch}). */
        default List<String> streams() {
            return List.of();
        }

        /** How many entries to read per stream now (0 to rest). */
        int count(List<String> streams);

        /** Takes the entries read; on the I/O thread unless the reader delivers on an executor: must not block. */
        void received(List<StreamEntry> entries);

        /** A stream read has no group any more (it was deleted); called off the I/O thread. */
        default void groupGone() {
        }

        /** Whether this reader still answers for an entry it read: see {@link #reclaimOrphans}. */
        default boolean holds(String stream, String entryId) {
            return true;
        }
    }

    private static final Log log = LogFactory.getLog(StreamReader.class);

    private final String name;
    private final String consumer;
    private final Source source;
    private final Duration block;
    private final Executor blockingWork;
    private final Executor delivery;
    private final Consumer<Throwable> onFailure;
    private final RedisLink redis;
    private final BlockingConnection connection;
    private final WrongTypeStreams wrongType;
    /** Plain reads: the id after which each stream is read next. */
    private final Map<String, String> positions = new ConcurrentHashMap<>();
    /** Group reads: the streams read since the start, for {@link #reclaimOrphans}. */
    private final Set<String> recentlyRead = ConcurrentHashMap.newKeySet();
    /** Held by whoever issues the next read; released while there is nothing to read. */
    private final AtomicBoolean readTurn = new AtomicBoolean();
    private volatile boolean running;
    private volatile Set<String> reading;
    private volatile CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
    private int failures;

    StreamReader(RedisLink redis, Settings settings, Source source) {
        this.redis = redis;
        this.name = settings.name();
        this.consumer = settings.consumer();
        this.source = source;
        this.block = settings.block();
        this.blockingWork = settings.blockingWork() != null ? settings.blockingWork() : ForkJoinPool.commonPool();
        this.delivery = settings.delivery();
        this.onFailure = settings.onFailure();
        this.connection = redis.openBlocking(block.plusSeconds(10));
        this.wrongType = new WrongTypeStreams(redis);
    }

    /**
     * How a reader reads.
     *
     * @param name what it reads, for messages
     * @param consumer its consumer name in the group, or {@code null} for plain reads
     * @param delivery where {@link Source#received} runs, or {@code null} for the I/O thread
     * @param onFailure told of each failed read (Redis unreachable, say)
     */
    record Settings(String name, String consumer, Duration block, Executor blockingWork, Executor delivery,
            Consumer<Throwable> onFailure) {
    }

    /** Starts reading. */
    public void start() {
        running = true;
        kick();
    }

    public boolean isRunning() {
        return running;
    }

    /** Issues the next read unless one is in progress. */
    public void kick() {
        if (running && readTurn.compareAndSet(false, true)) {
            read();
        }
    }

    /** Ends the read in progress, if any, so the next one reads the streams of now. */
    public void wake() {
        connection.wake();
        kick();
    }

    /** The streams of the read in progress, or {@code null}. */
    public Set<String> reading() {
        return reading;
    }

    /**
     * Plain reads: reads {@code stream} from after {@code from} on (unless it is read already);
     * returns false when the stream is passed over (it is not a stream).
     */
    public boolean watch(String stream, String from) {
        if (wrongType.isPassedOver(stream)) {
            return false;
        }
        if (positions.putIfAbsent(stream, from) == null) {
            wake();
        }
        return true;
    }

    /** Plain reads: reads {@code stream} from after {@code from} on, wherever it read before. */
    public void reposition(String stream, String from) {
        positions.put(stream, from);
    }

    /** Plain reads: stops reading the streams that do not pass {@code keep}. */
    public void retain(Predicate<String> keep) {
        positions.keySet().removeIf(keep.negate());
    }

    /** Plain reads: the id after which each stream is read next. */
    public Map<String, String> positions() {
        return Map.copyOf(positions);
    }

    /**
     * Group reads: takes up again the entries pending on this consumer, idle for longer than
     * {@code idle}, that its source does not hold: a read's reply that never reached it (the read
     * timed out while Redis was paused, and Redis answered it later) left them there, where nobody
     * else would take them. Looks at the streams read lately; blocks, so call it off the I/O thread.
     */
    public void reclaimOrphans(Duration idle, Streams streams) {
        if (!running || consumer == null) {
            return;
        }
        List<StreamEntry> orphans = streams.orphans(List.copyOf(recentlyRead), consumer, idle, source::holds,
                recentlyRead::remove);
        if (!orphans.isEmpty()) {
            log.warn("Taking up again " + orphans.size() + " entries pending on node " + consumer + " whose read it "
                    + "never received (Redis answered a read after it had timed out)");
            deliver(orphans);
        }
    }

    private List<String> readable() {
        if (!running) {
            return List.of();
        }
        return wrongType.readable(consumer != null ? source.streams() : List.copyOf(positions.keySet()));
    }

    private void read() {
        List<String> streams = readable();
        int count = streams.isEmpty() ? 0 : source.count(streams);
        if (count <= 0) {
            readTurn.set(false);
            // why: work that became possible between the check and the release above kicked in vain
            List<String> now = readable();
            if (!now.isEmpty() && source.count(now) > 0) {
                kick();
            }
            return;
        }
        reading = Set.copyOf(streams);
        CompletableFuture<List<StreamMessage<String, byte[]>>> answer;
        XReadArgs args = XReadArgs.Builder.block(block).count(count);
        if (consumer != null) {
            recentlyRead.addAll(streams);
            answer = connection.forRead().xreadgroup(io.lettuce.core.Consumer.from(Streams.GROUP, consumer), args,
                    offsets(streams, null)).toCompletableFuture();
        }
        else {
            answer = connection.forRead().xread(args, offsets(streams, positions)).toCompletableFuture();
        }
        inFlight = answer.handle((messages, error) -> {
            reading = null;
            if (error != null) {
                failed(error, streams);
                return CompletableFuture.completedFuture(null);
            }
            failures = 0;
            List<StreamEntry> entries = entries(messages);
            if (delivery == null) {
                deliverAndReadOn(entries);
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.runAsync(() -> deliverAndReadOn(entries), delivery);
        }).thenCompose(next -> next);
    }

    private List<StreamEntry> entries(List<StreamMessage<String, byte[]>> messages) {
        if (messages == null || messages.isEmpty()) {
            return List.of();
        }
        List<StreamEntry> entries = new ArrayList<>(messages.size());
        for (StreamMessage<String, byte[]> m : messages) {
            entries.add(new StreamEntry(m.getStream(), m.getId(), m.getBody()));
            if (consumer == null) {
                // why: positions move on before delivery, so an entry its source cannot take is not read again
                positions.computeIfPresent(m.getStream(), (stream, last) -> m.getId());
            }
        }
        return entries;
    }

    private void deliverAndReadOn(List<StreamEntry> entries) {
        try {
            if (!entries.isEmpty()) {
                deliver(entries);
            }
        }
        finally {
            read();
        }
    }

    private void deliver(List<StreamEntry> entries) {
        try {
            source.received(entries);
        }
        catch (RuntimeException e) {
            log.warn("The " + name + " reader could not take " + entries.size() + " entries (the first "
                    + entries.getFirst().id() + " of " + entries.getFirst().stream() + "), passing them over: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static XReadArgs.StreamOffset<String>[] offsets(List<String> streams, Map<String, String> from) {
        return streams.stream().map(stream -> from == null ? XReadArgs.StreamOffset.lastConsumed(stream)
                : XReadArgs.StreamOffset.from(stream, from.getOrDefault(stream, "0-0")))
                .toArray(XReadArgs.StreamOffset[]::new);
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
            CompletableFuture.runAsync(() -> wrongType.check(streams).forEach(positions::remove), blockingWork)
                    .whenComplete((ok, e) -> retry.run());
            return;
        }
        if (consumer != null && String.valueOf(error.getMessage()).contains("NOGROUP")) {
            CompletableFuture.runAsync(source::groupGone, blockingWork).whenComplete((ok, e) -> retry.run());
            return;
        }
        onFailure.accept(error);
        log.debug("reading the " + name + " streams failed", error);
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
