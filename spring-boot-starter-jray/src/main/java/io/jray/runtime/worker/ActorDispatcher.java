package io.jray.runtime.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.Keys;
import io.jray.runtime.control.QueueEntryField;
import io.jray.runtime.control.StreamEntry;
import io.jray.runtime.control.Streams;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.node.ClusterHealth;

/**
 * Reads the call streams of the actors hosted here, in one blocking read, into their mailboxes;
 * an actor whose mailbox is full is not read until it has room again.
 */
final class ActorDispatcher extends GroupReader {

    private static final Log log = LogFactory.getLog(ActorDispatcher.class);

    private final Keys keys;
    private final TaskRunner runner;
    private final Consumer<ObjectId> gone;
    private final HeldEntries held;
    private final Map<String, HostedActor> byStream = new ConcurrentHashMap<>();

    /** @param gone told of an actor whose stream no longer exists (it was killed or its job ended) */
    ActorDispatcher(Streams streams, Keys keys, String node, TaskRunner runner, ClusterHealth health, Duration block,
            Executor blockingWork, Consumer<ObjectId> gone, HeldEntries held) {
        super(streams, "actor call", node, health, block, blockingWork);
        this.keys = keys;
        this.runner = runner;
        this.gone = gone;
        this.held = held;
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
    public List<String> streams() {
        List<String> streams = new ArrayList<>();
        byStream.forEach((key, actor) -> {
            if (actor.wantsMore()) {
                streams.add(key);
            }
        });
        return streams;
    }

    @Override
    public int count(List<String> streams) {
        return HostedActor.MAILBOX_LIMIT / 4;
    }

    @Override
    public void received(List<StreamEntry> messages) {
        long now = System.nanoTime();
        for (StreamEntry message : messages) {
            HostedActor actor = byStream.get(message.stream());
            Map<String, byte[]> body = message.body();
            byte[] call = body.get(QueueEntryField.TASK.code());
            byte[] attempt = body.get(QueueEntryField.ATTEMPT.code());
            byte[] spec = body.get(QueueEntryField.SPEC.code());
            int a = attempt(attempt);
            String job = keys.jobOf(message.stream());
            if (job != null && call != null && a > 0 && spec != null) {
                held.add(message.stream(), message.id());
            }
            if (actor == null && job != null && call != null && a > 0) {
                // why: it stopped here meanwhile (its node was taken for dead, say): the call goes back to its stream
                String queue = message.stream().substring(keys.job(job).length());
                runner.giveBack(new Delivery(new ObjectId(job, text(call)), a, queue, null, message.id(), spec, now,
                        0));
                continue;
            }
            if (actor == null || call == null || a < 0 || spec == null) {
                streamsOfRedis().setAside(message, "it lacks a call id, a numeric attempt or a spec");
                continue;
            }
            Delivery delivery = new Delivery(new ObjectId(actor.id().job(), text(call)), a, actor.queue(), null, message.id(), spec, now, actor.epoch());
            actor.enqueue(delivery, runner, this::kick);
        }
    }

    @Override
    public boolean holds(String stream, String entryId) {
        return held.holds(stream, entryId);
    }

    /** Gives back calls read for an actor that stopped here before they started. */
    void giveBack(List<Delivery> calls) {
        calls.forEach(runner::giveBack);
    }

    @Override
    public void groupGone() {
        for (Map.Entry<String, HostedActor> entry : byStream.entrySet()) {
            try {
                if (!streamsOfRedis().exists(entry.getKey())) {
                    gone.accept(entry.getValue().id());
                }
            }
            catch (Exception e) {
                log.debug("checking the call stream of actor " + entry.getValue().id() + " failed", e);
            }
        }
    }
}
