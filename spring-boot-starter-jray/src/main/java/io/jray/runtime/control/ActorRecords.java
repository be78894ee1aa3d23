package io.jray.runtime.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.ScriptOutputType;

import io.jray.runtime.control.redis.RedisLink;
import io.jray.runtime.core.ObjectId;

import static io.jray.runtime.control.Scripts.b;
import static io.jray.runtime.control.Scripts.header;
import static io.jray.runtime.control.Scripts.now;
import static io.jray.runtime.control.Scripts.s;

/**
 * Actors in Redis: killing one, restarting or ending one whose node died, and the cluster-wide
 * names of named actors.
 */
public final class ActorRecords {

    private final RedisLink redis;
    private final Keys keys;
    private final Scripts scripts;

    ActorRecords(RedisLink redis, Keys keys, Scripts scripts) {
        this.redis = redis;
        this.keys = keys;
        this.scripts = scripts;
    }

    /**
     * Kills an actor; returns its state code before ({@code ""} when unknown) and the node that
     * hosted it ({@code ""} when none).
     */
    public CompletableFuture<String[]> killActor(ObjectId actor, byte[] error) {
        List<byte[]> args = header(now(), actor.id());
        args.add(error);
        args.add(b(Integer.toString(ControlPlane.NOTIFY_INLINE_LIMIT)));
        return scripts.<List<Object>>eval(scripts.killActor, actor.job(), args, ScriptOutputType.MULTI)
                .thenApply(reply -> new String[] {s((byte[]) reply.get(0)), s((byte[]) reply.get(1))});
    }

    /**
     * After the death of a node, or the lapse of its registration {@code epoch} (any epoch when
     * {@code null}), restarts or ends an actor it hosted: 0 when it did not host it (in that epoch), 1
     * when the actor restarts, 2 when it is dead, 3 when it took back 100 of the node's calls and must
     * be called again.
     *
     * @param error what the actor's calls fail with when it is dead
     * @param callLost what the calls the node had read fail with when they have no retries left
     */
    public CompletableFuture<Long> reapActor(ObjectId actor, String deadNode, Long epoch, byte[] error,
            byte[] callLost) {
        List<byte[]> args = header(now(), actor.id(), deadNode);
        args.add(error);
        args.add(b(Integer.toString(ControlPlane.NOTIFY_INLINE_LIMIT)));
        args.add(b(epoch == null ? "" : Long.toString(epoch)));
        args.add(callLost);
        return scripts.eval(scripts.reapActor, actor.job(), args, ScriptOutputType.INTEGER);
    }

    /** The entry ({@code job/actor/class}) of an actor name, or {@code null}. */
    public CompletableFuture<String> named(String name) {
        return redis.text().hget(keys.actorNames(), name).toCompletableFuture();
    }

    /** Sets an actor name's entry unless the name has one; whether it was set. */
    public CompletableFuture<Boolean> claimName(String name, String entry) {
        return redis.text().hsetnx(keys.actorNames(), name, entry).toCompletableFuture();
    }

    /** Sets an actor name's entry, replacing the one it had (whose actor is dead). */
    public CompletableFuture<Boolean> takeName(String name, String entry) {
        return redis.text().hset(keys.actorNames(), name, entry).toCompletableFuture();
    }

    /** Drops an actor name's entry. */
    public CompletableFuture<Long> dropName(String name) {
        return redis.text().hdel(keys.actorNames(), name).toCompletableFuture();
    }
}
