package io.jray.runtime.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.models.stream.PendingMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.redis.RedisLink;

/**
 * The control plane's streams: task queues, actor call streams, notifications and the event
 * stream. Opens {@linkplain StreamReader readers} on them and does what a reader needs besides
 * reading: make a node's own queue, set a malformed entry aside, trim what was read.
 */
public final class Streams {

    /** The consumer group every node reads task queues and call streams in. */
    public static final String GROUP = "w";

    private static final Log log = LogFactory.getLog(Streams.class);
    private static final long POISON_KEEP = 1000;

    private final RedisLink redis;
    private final Keys keys;

    Streams(RedisLink redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * A reader of streams as consumer {@code node} of the group {@value #GROUP}.
     *
     * @param name what it reads, for messages
     * @param blockingWork where the reader's blocking chores run
     * @param onFailure told of each failed read
     */
    public StreamReader groupReader(String name, String node, Duration block, Executor blockingWork,
            Consumer<Throwable> onFailure, StreamReader.Source source) {
        return new StreamReader(redis, new StreamReader.Settings(name, node, block, blockingWork, null, onFailure),
                source);
    }

    /**
     * A reader of streams from positions it keeps (see {@link StreamReader#watch}).
     *
     * @param delivery where the source takes what arrives, or {@code null} for the I/O thread
     */
    public StreamReader plainReader(String name, Duration block, Executor blockingWork, Executor delivery,
            Consumer<Throwable> onFailure, StreamReader.Source source) {
        return new StreamReader(redis, new StreamReader.Settings(name, null, block, blockingWork, delivery, onFailure),
                source);
    }

    /**
     * Makes the queue {@code name} of a job (with its group) unless it exists, and lists it in the
     * job's targets, so tasks can be queued on it.
     */
    public CompletableFuture<Long> createTarget(String job, String name) {
        String key = keys.job(job) + name;
        return redis.text().xgroupCreate(XReadArgs.StreamOffset.from(key, "0"), GROUP,
                XGroupCreateArgs.Builder.mkstream()).toCompletableFuture()
                .exceptionally(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP") ? "OK" : null)
                .thenCompose(ok -> redis.text().sadd(keys.targets(job), name).toCompletableFuture());
    }

    /**
     * Sets aside a queue entry that cannot be run: logged once at WARN with its key, copied to the
     * namespace's capped {@code <ns>:poison} stream for an operator to look at, acknowledged and
     * deleted, so the reader moves on.
     */
    public void setAside(StreamEntry entry, String why) {
        String poison = keys.poison();
        log.warn("Setting aside the malformed entry " + entry.id() + " of " + entry.stream() + " (" + why + "; fields "
                + entry.body().keySet() + ") in " + poison);
        Map<String, byte[]> copy = new LinkedHashMap<>(entry.body());
        copy.put("_stream", entry.stream().getBytes(StandardCharsets.UTF_8));
        copy.put("_id", entry.id().getBytes(StandardCharsets.UTF_8));
        copy.put("_why", why.getBytes(StandardCharsets.UTF_8));
        redis.async().xadd(poison, XAddArgs.Builder.maxlen(POISON_KEEP).approximateTrimming(), copy);
        redis.async().xack(entry.stream(), GROUP, entry.id());
        redis.async().xdel(entry.stream(), entry.id());
    }

    /** Whether a key exists (a call stream, say); blocking, at most 10 s. */
    public boolean exists(String key) throws Exception {
        return redis.async().exists(key).get(10, TimeUnit.SECONDS) > 0;
    }

    /** Drops the entries of a stream up to {@code id}; nobody waits for it. */
    public void trimUpTo(String stream, String id) {
        redis.async().xtrim(stream, XTrimArgs.Builder.minId(id));
    }

    /** Drops a dead node's consumer from a stream's group; nobody waits for it. */
    public void dropConsumer(String stream, String node) {
        redis.text().xgroupDelconsumer(stream, io.lettuce.core.Consumer.from(GROUP, node)).exceptionally(e -> 0L);
    }

    /** The length of a stream (0 when it does not exist). */
    public CompletableFuture<Long> length(String stream) {
        return redis.text().xlen(stream).toCompletableFuture();
    }

    /** The first {@code limit} entries of a stream; blocking, at most 30 s. */
    public List<StreamEntry> first(String stream, int limit) throws Exception {
        List<StreamEntry> out = new ArrayList<>();
        for (StreamMessage<String, byte[]> m : redis.async().xrange(stream, Range.create("-", "+"),
                Limit.create(0, limit)).get(30, TimeUnit.SECONDS)) {
            out.add(new StreamEntry(m.getStream(), m.getId(), m.getBody()));
        }
        return out;
    }

    /**
     * The entries pending on {@code consumer} in any of {@code streams}, idle for longer than
     * {@code idle}, that it does not {@code hold}: one pipelined round of {@code XPENDING}, then the
     * entries themselves. A stream whose group is gone is handed to {@code gone}.
     */
    List<StreamEntry> orphans(List<String> streams, String consumer, Duration idle,
            BiPredicate<String, String> holds, Consumer<String> gone) {
        io.lettuce.core.Consumer<String> self = io.lettuce.core.Consumer.from(GROUP, consumer);
        List<CompletableFuture<List<PendingMessage>>> pendings = streams.stream()
                .map(stream -> redis.async().xpending(stream, new XPendingArgs<String>().group(GROUP).consumer(self)
                        .range(Range.create("-", "+")).limit(Limit.from(1000)).idle(idle)).toCompletableFuture())
                .toList();
        List<StreamEntry> orphans = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            String stream = streams.get(s);
            try {
                for (PendingMessage p : pendings.get(s).get(10, TimeUnit.SECONDS)) {
                    if (holds.test(stream, p.getId())) {
                        continue;
                    }
                    List<StreamMessage<String, byte[]>> entry = redis.async().xrange(stream,
                            Range.create(p.getId(), p.getId())).get(10, TimeUnit.SECONDS);
                    if (entry.isEmpty()) {
                        redis.async().xack(stream, GROUP, p.getId());
                    }
                    entry.forEach(m -> orphans.add(new StreamEntry(m.getStream(), m.getId(), m.getBody())));
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (Exception e) {
                log.debug("looking for orphaned entries of " + stream + " failed", e);
                String message = String.valueOf(e.getMessage());
                if (message.contains("NOGROUP") || message.contains("no such key")) {
                    gone.accept(stream);
                }
            }
        }
        return orphans;
    }
}
