package io.jray.runtime.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ScriptOutputType;

import io.jray.runtime.control.redis.RedisLink;
import io.jray.runtime.core.ObjectId;

import static io.jray.runtime.control.Scripts.b;
import static io.jray.runtime.control.Scripts.header;
import static io.jray.runtime.control.Scripts.now;
import static io.jray.runtime.control.Scripts.s;

/**
 * Objects in Redis: their states and values, who waits for them, where the copies of large ones
 * are, and their release when their owner drops its last ref. Each call is one script call (one
 * round trip) per job and batch.
 */
public final class ObjectDirectory {

    private final RedisLink redis;
    private final Keys keys;
    private final Scripts scripts;

    ObjectDirectory(RedisLink redis, Keys keys, Scripts scripts) {
        this.redis = redis;
        this.keys = keys;
        this.scripts = scripts;
    }

    /** Resolves objects this node does not own, subscribing it to those still pending. */
    public CompletableFuture<List<ObjectState>> subscribe(String job, String node, List<String> ids) {
        List<byte[]> args = new ArrayList<>(ids.size() + 1);
        args.add(b(node));
        ids.forEach(id -> args.add(b(id)));
        return scripts.<List<Object>>eval(scripts.subscribe, job, args, ScriptOutputType.MULTI).thenApply(ObjectDirectory::states);
    }

    /** The state of one object, with its value or error, or where a large value lives. */
    public CompletableFuture<ObjectState> fetch(ObjectId id) {
        List<byte[]> args = header(id.id(), keys.nodePrefix());
        return scripts.<List<Object>>eval(scripts.fetch, id.job(), args, ScriptOutputType.MULTI).thenApply(reply -> {
            String code = s((byte[]) reply.get(0));
            if (code.isEmpty()) {
                return new ObjectState(ObjectState.Status.LOST, null);
            }
            ObjectState.Status status = ObjectState.Status.of(code);
            byte[] payload = (byte[]) reply.get(1);
            if (reply.size() > 2) {
                List<String> locations = new ArrayList<>();
                for (int i = 4; i < reply.size(); i++) {
                    locations.add(s((byte[]) reply.get(i)));
                }
                long size = Long.parseLong(s((byte[]) reply.get(3)));
                return new ObjectState(status, null, new ObjectState.Large(size, locations));
            }
            if (status == ObjectState.Status.FINISHED && payload == null) {
                return new ObjectState(ObjectState.Status.LOST, null);
            }
            return new ObjectState(status, payload);
        });
    }

    /**
     * Has the task that made a large object run again because every copy was lost, subscribing
     * {@code node} to its notification; completes with what it found.
     */
    public CompletableFuture<Rebuild> rebuild(ObjectId id, String node) {
        List<byte[]> args = header(id.id(), node, keys.nodePrefix(), now());
        return scripts.<byte[]>eval(scripts.rebuild, id.job(), args, ScriptOutputType.VALUE)
                .thenApply(code -> Rebuild.of(Scripts.s(code)));
    }

    /**
     * Releases objects of one job whose owner dropped its last ref; completes with the large
     * objects freed at once, each as its id followed by its holders, space separated.
     */
    public CompletableFuture<List<String>> release(String job, List<String> ids) {
        List<byte[]> args = new ArrayList<>(ids.size());
        ids.forEach(id -> args.add(b(id)));
        return scripts.<List<Object>>eval(scripts.release, job, args, ScriptOutputType.MULTI)
                .thenApply(freed -> freed.stream().map(id -> s((byte[]) id)).toList());
    }

    /** Records ({@code add}) or forgets this node as holding copies of large objects of one job. */
    public CompletableFuture<Object> locations(String job, String node, boolean add, List<String> ids) {
        List<byte[]> args = header(add ? "+" : "-", node);
        ids.forEach(id -> args.add(b(id)));
        return scripts.eval(scripts.locations, job, args, ScriptOutputType.INTEGER);
    }

    /** For each of {@code ids}, whether {@code node} is listed as holding a copy; blocking, at most 10 s. */
    public List<Boolean> holds(String node, List<ObjectId> ids) throws Exception {
        List<CompletableFuture<Boolean>> listed = new ArrayList<>(ids.size());
        for (ObjectId id : ids) {
            listed.add(redis.text().sismember(keys.holders(id.job(), id.id()), node).toCompletableFuture());
        }
        List<Boolean> out = new ArrayList<>(ids.size());
        for (CompletableFuture<Boolean> answer : listed) {
            out.add(answer.get(10, TimeUnit.SECONDS));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<ObjectState> states(List<Object> reply) {
        List<ObjectState> out = new ArrayList<>(reply.size());
        for (Object entry : reply) {
            List<Object> parts = (List<Object>) entry;
            String code = s((byte[]) parts.get(0));
            out.add(ObjectState.of(code, parts.size() > 1 ? (byte[]) parts.get(1) : null));
        }
        return out;
    }

}
