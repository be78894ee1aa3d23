package io.jray.runtime.task;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.Keys;
import io.jray.runtime.control.ObjectState;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.redis.BlockingConnection;
import io.jray.runtime.redis.RedisLink;
import io.jray.runtime.redis.WrongTypeStreams;

/**
 * Reads, in one blocking call, this node's inbox and its notification stream in every job it waits
 * in: settled objects complete their refs, control messages go to the inbox handler. The answer is
 * handled on Lettuce's I/O thread, which then starts the next read. Streams are durable, so nothing
 * is lost while the connection recovers; read entries are trimmed.
 */
public final class NotificationListener implements AutoCloseable {

    private static final Log log = LogFactory.getLog(NotificationListener.class);
    private static final long TRIM_EVERY_MILLIS = 2000;
    /** Field names of the notes in one entry: object id, state and (inline) payload of note k. */
    private static final int MAX_NOTES = 1000;
    private static final String[] ID = names("i");
    private static final String[] STATE = names("s");
    private static final String[] PAYLOAD = names("p");
    /** The state of a note telling the job's owner that the job has a backlog to work off. */
    private static final String BACKLOG = "B";

    private final RedisLink redis;
    private final Keys keys;
    private final String node;
    private final ClusterHealth health;
    private final Consumer<Map<String, byte[]>> inboxHandler;
    private final Duration block;
    private final Map<String, String> offsets = new ConcurrentHashMap<>();
    /** Refs a passed-over stream would have settled are found when they are reconciled. */
    private final WrongTypeStreams wrongType;
    private final BlockingConnection connection;
    private volatile CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
    private volatile ObjectResolver resolver;
    private volatile boolean running;
    private volatile long lastTrim = System.currentTimeMillis();
    private int failures;

    public NotificationListener(RedisLink redis, Keys keys, String node, ClusterHealth health,
            Consumer<Map<String, byte[]>> inboxHandler, Duration block) {
        this.redis = redis;
        this.wrongType = new WrongTypeStreams(redis);
        this.keys = keys;
        this.node = node;
        this.health = health;
        this.inboxHandler = inboxHandler;
        this.block = block;
        this.connection = redis.openBlocking(block.plusSeconds(10));
        offsets.put(keys.inbox(node), "0-0");
    }

    /** Starts reading, delivering settled objects to {@code resolver}. */
    public void start(ObjectResolver resolver) {
        this.resolver = resolver;
        running = true;
        read();
    }

    /** Reads this node's notifications in {@code job} from now on. */
    public void watch(String job) {
        String stream = keys.notifications(job, node);
        if (wrongType.isPassedOver(stream)) {
            return;
        }
        if (offsets.putIfAbsent(stream, "0-0") == null) {
            connection.wake();
        }
    }

    /** Stops reading the notifications of jobs that ended. */
    public void retainJobs(Set<String> active) {
        String inbox = keys.inbox(node);
        offsets.keySet().removeIf(stream -> !stream.equals(inbox) && !active.contains(keys.jobOf(stream)));
    }

    /** One blocking read; its answer, handled on the I/O thread, delivers and starts the next. */
    private void read() {
        if (!running) {
            return;
        }
        inFlight = connection.forRead().xread(XReadArgs.Builder.block(block).count(2000), offsetsSnapshot())
                .toCompletableFuture().whenComplete((messages, error) -> {
                    if (error != null) {
                        failed(error);
                        return;
                    }
                    failures = 0;
                    try {
                        for (StreamMessage<String, byte[]> message : messages == null
                                ? List.<StreamMessage<String, byte[]>>of() : messages) {
                            deliverOrSetAside(message);
                            offsets.computeIfPresent(message.getStream(), (stream, last) -> message.getId());
                        }
                        trimNowAndThen();
                    }
                    finally {
                        read();
                    }
                });
    }

    private void failed(Throwable error) {
        if (!running) {
            return;
        }
        if (WrongTypeStreams.isCause(error)) {
            CompletableFuture.runAsync(() -> wrongType.check(List.copyOf(offsets.keySet())).forEach(offsets::remove))
                    .whenComplete((ok, e) -> read());
            return;
        }
        connection.markStale();
        health.onFailure(error);
        failures++;
        log.debug("notification read failed", error);
        CompletableFuture.delayedExecutor(Math.min(1000, 50L * failures), TimeUnit.MILLISECONDS).execute(this::read);
    }

    @SuppressWarnings("unchecked")
    private XReadArgs.StreamOffset<String>[] offsetsSnapshot() {
        List<XReadArgs.StreamOffset<String>> list = new ArrayList<>();
        offsets.forEach((stream, id) -> list.add(XReadArgs.StreamOffset.from(stream, id)));
        return list.toArray(XReadArgs.StreamOffset[]::new);
    }

    /** Delivers a message; one that cannot be handled is logged once and passed over, never read again. */
    private void deliverOrSetAside(StreamMessage<String, byte[]> message) {
        try {
            deliver(message);
        }
        catch (RuntimeException e) {
            log.warn("Ignoring a malformed message " + message.getId() + " in " + message.getStream() + " (fields "
                    + message.getBody().keySet() + "): " + e);
        }
    }

    private void deliver(StreamMessage<String, byte[]> message) {
        Map<String, byte[]> body = message.getBody();
        String stream = message.getStream();
        if (stream.equals(keys.inbox(node))) {
            inboxHandler.accept(body);
            return;
        }
        String job = keys.jobOf(stream);
        if (job == null || !body.containsKey(ID[0])) {
            log.warn("Ignoring a malformed notification " + message.getId() + " in " + stream);
            return;
        }
        for (int k = 0; k < MAX_NOTES && body.containsKey(ID[k]); k++) {
            byte[] id = body.get(ID[k]);
            byte[] status = body.get(STATE[k]);
            if (status == null) {
                log.warn("Ignoring a malformed notification " + message.getId() + " in " + stream);
                return;
            }
            if (BACKLOG.equals(text(status))) {
                resolver.workOffBacklog(job);
            }
            else {
                resolver.settle(new ObjectId(job, text(id)), ObjectState.of(text(status), body.get(PAYLOAD[k])));
            }
        }
    }

    private void trimNowAndThen() {
        if (System.currentTimeMillis() - lastTrim < TRIM_EVERY_MILLIS) {
            return;
        }
        lastTrim = System.currentTimeMillis();
        offsets.forEach((stream, id) -> {
            if (!id.equals("0-0")) {
                redis.async().xtrim(stream, XTrimArgs.Builder.minId(id));
            }
        });
    }

    private static String[] names(String prefix) {
        String[] names = new String[MAX_NOTES];
        for (int k = 0; k < MAX_NOTES; k++) {
            names[k] = prefix + k;
        }
        return names;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Stops reading: ends the read in progress and closes the connection. */
    @Override
    public void close() {
        running = false;
        connection.wake();
        try {
            inFlight.get(block.toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            // why: the read ended with an error or did not end in time; the connection closes anyway
        }
        connection.close();
    }
}
