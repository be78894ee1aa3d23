package io.jray.runtime.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.StreamMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.Keys;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.redis.RedisLink;

/**
 * Reads the call streams of the actors hosted here, in one blocking read, into their mailboxes;
 * an actor whose mailbox is full is not read until it has room again.
 */
final class ActorDispatcher extends GroupReader {

    private static final Log log = LogFactory.getLog(ActorDispatcher.class);

    private final Keys keys;
    private final RedisLink redis;
    private final TaskRunner runner;
    private final Consumer<ObjectId> gone;
    private final HeldEntries held;
    private final PoisonEntries poison;
    private final Map<String, HostedActor> byStream = new ConcurrentHashMap<>();

    /** @param gone told of an actor whose stream no longer exists (it was killed or its job ended) */
    ActorDispatcher(RedisLink redis, Keys keys, String node, TaskRunner runner, ClusterHealth health, Duration block,
            Executor blockingWork, Consumer<ObjectId> gone, HeldEntries held) {
        super(redis, node, health, block, blockingWork);
        this.redis = redis;
        this.keys = keys;
        this.runner = runner;
        this.gone = gone;
        this.held = held;
        this.poison = new PoisonEntries(redis, keys.namespace());
    }

    void add(HostedActor actor) {
        byStream.put(keys.job(actor.id().job()) + actor.queue(), actor);
        wake();
    }

    void remove(HostedActor actor) {
        if (byStream.remove(keys.job(actor.id().job()) + actor.queue()) != null) {
            wake();
        }
    }

    @Override
    protected List<String> streams() {
        List<String> streams = new ArrayList<>();
        byStream.forEach((key, actor) -> {
            if (actor.wantsMore()) {
                streams.add(key);
            }
        });
        return streams;
    }

    @Override
    protected int count(List<String> streams) {
        return HostedActor.MAILBOX_LIMIT / 4;
    }

    @Override
    protected void received(List<StreamMessage<String, byte[]>> messages) {
        long now = System.nanoTime();
        for (StreamMessage<String, byte[]> message : messages) {
            HostedActor actor = byStream.get(message.getStream());
            Map<String, byte[]> body = message.getBody();
            byte[] call = body.get("t");
            byte[] attempt = body.get("a");
            byte[] spec = body.get("s");
            int a = PoisonEntries.attempt(attempt);
            String job = keys.jobOf(message.getStream());
            if (job != null && call != null && a > 0 && spec != null) {
                held.add(message.getStream(), message.getId());
            }
            if (actor == null && job != null && call != null && a > 0) {
                // why: it stopped here meanwhile (its node was taken for dead, say): the call goes back to its stream
                String queue = message.getStream().substring(keys.job(job).length());
                runner.giveBack(new Delivery(new ObjectId(job, text(call)), a, queue, null, message.getId(), spec, now,
                        0));
                continue;
            }
            if (actor == null || call == null || a < 0 || spec == null) {
                poison.setAside(message.getStream(), message.getId(), body,
                        "it lacks a call id, a numeric attempt or a spec");
                continue;
            }
            Delivery delivery = new Delivery(new ObjectId(actor.id().job(), text(call)), a, actor.queue(), null, message.getId(), spec, now, actor.epoch());
            actor.enqueue(delivery, runner, this::kick);
        }
    }

    @Override
    protected boolean holds(String stream, String entryId) {
        return held.holds(stream, entryId);
    }

    /** Gives back calls read for an actor that stopped here before they started. */
    void giveBack(List<Delivery> calls) {
        calls.forEach(runner::giveBack);
    }

    @Override
    protected void streamGone() {
        for (Map.Entry<String, HostedActor> entry : byStream.entrySet()) {
            try {
                if (redis.async().exists(entry.getKey()).get(10, TimeUnit.SECONDS) == 0) {
                    gone.accept(entry.getValue().id());
                }
            }
            catch (Exception e) {
                log.debug("checking the call stream of actor " + entry.getValue().id() + " failed", e);
            }
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
