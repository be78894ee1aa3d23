package io.jray.runtime.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

import io.jray.api.JRayException;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.redis.LuaScript;
import io.jray.runtime.redis.RedisLink;
import io.jray.runtime.serialization.RemoteError;

/**
 * The control plane's operations on Redis, each one script call (one round trip) per job and
 * batch. Callers batch: see {@link Batcher}.
 */
public final class ControlPlane {

    /** Values up to this size travel inside notifications, saving the owner a fetch. */
    public static final int NOTIFY_INLINE_LIMIT = 16 * 1024;

    private static final int MAX_CALL_BYTES = 8 * 1024 * 1024;
    private static final String LIB = "lib.lua";

    private final RedisLink redis;
    private final Keys keys;
    private volatile boolean recordingEvents;
    private final LuaScript submit = LuaScript.fromClasspath(ControlPlane.class, "submit.lua", LIB);
    private final LuaScript complete = LuaScript.fromClasspath(ControlPlane.class, "complete.lua", LIB);
    private final LuaScript subscribe = LuaScript.fromClasspath(ControlPlane.class, "subscribe.lua", LIB);
    private final LuaScript cancel = LuaScript.fromClasspath(ControlPlane.class, "cancel.lua", LIB);
    private final LuaScript reap = LuaScript.fromClasspath(ControlPlane.class, "reap.lua", LIB);
    private final LuaScript endJob = LuaScript.fromClasspath(ControlPlane.class, "end-job.lua", LIB);
    private final LuaScript beat = LuaScript.fromClasspath(ControlPlane.class, "beat.lua");
    private final LuaScript killActor = LuaScript.fromClasspath(ControlPlane.class, "kill-actor.lua", LIB);
    private final LuaScript reapActor = LuaScript.fromClasspath(ControlPlane.class, "reap-actor.lua", LIB);
    private final LuaScript fetch = LuaScript.fromClasspath(ControlPlane.class, "fetch.lua", LIB);
    private final LuaScript locations = LuaScript.fromClasspath(ControlPlane.class, "locations.lua", LIB);
    private final LuaScript rebuild = LuaScript.fromClasspath(ControlPlane.class, "rebuild.lua", LIB);
    private final LuaScript release = LuaScript.fromClasspath(ControlPlane.class, "release.lua", LIB);
    private final LuaScript drain = LuaScript.fromClasspath(ControlPlane.class, "drain.lua", LIB);
    private final byte[] missingDependency = RemoteError.of(JRayException.class,
            "a dependency of this task does not exist in Redis (never submitted, or freed with its job)",
            null, null, null).encode();

    public ControlPlane(RedisLink redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public Keys keys() {
        return keys;
    }

    public RedisLink redis() {
        return redis;
    }

    /** Loads every script, so later calls go by SHA1. */
    public void loadScripts() {
        for (LuaScript script : List.of(submit, complete, subscribe, cancel, reap, endJob, beat, killActor, reapActor, fetch,
                locations, rebuild, release, drain)) {
            redis.sync().scriptLoad(script.source().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Submits tasks and puts of one job, in order.
     *
     * @param firstInJob whether {@code owner} has not submitted to this job before
     * @return the records Redis refused (the others were written)
     */
    public CompletableFuture<List<Refusal>> submit(String job, String owner, boolean firstInJob,
            List<SubmitRecord> records) {
        List<byte[]> header = header(now(), owner, Integer.toString(NOTIFY_INLINE_LIMIT));
        header.add(missingDependency);
        header.add(b(firstInJob ? "1" : "0"));
        return inChunks(submit, job, header, records, SubmitRecord::weight, (record, args) -> {
            switch (record) {
                case SubmitRecord.Put put -> {
                    args.add(b("P"));
                    args.add(b(put.id().id()));
                    args.add(put.value());
                }
                case SubmitRecord.LargePut put -> {
                    args.add(b("L"));
                    args.add(b(put.id().id()));
                    args.add(b(Long.toString(put.size())));
                    args.add(b(put.released() ? "1" : "0"));
                }
                case SubmitRecord.Task task -> {
                    args.add(b("T"));
                    args.add(b(task.id().id()));
                    args.add(b(task.shape()));
                    args.add(b(task.newShape() ? "1" : "0"));
                    args.add(b(task.function()));
                    args.add(b(task.name()));
                    args.add(b(task.parent()));
                    args.add(b(Integer.toString(task.maxRetries())));
                    args.add(task.spec());
                    args.add(b(Integer.toString(task.dependencies().size())));
                    task.dependencies().forEach(dep -> args.add(b(dep.id())));
                }
                case SubmitRecord.ActorCreation actor -> {
                    args.add(b("C"));
                    args.add(b(actor.id().id()));
                    args.add(b(actor.shape()));
                    args.add(b(actor.newShape() ? "1" : "0"));
                    args.add(b(actor.actorClass()));
                    args.add(b(actor.name()));
                    args.add(b(Integer.toString(actor.maxRestarts())));
                    args.add(b(Integer.toString(actor.maxTaskRetries())));
                    args.add(b(actor.lifetime()));
                    args.add(actor.spec());
                }
                case SubmitRecord.ActorCall call -> {
                    args.add(b("M"));
                    args.add(b(call.id().id()));
                    args.add(b(call.actor().id()));
                    args.add(b(call.function()));
                    args.add(b(call.name()));
                    args.add(b(call.parent()));
                    args.add(call.spec());
                    args.add(b(Integer.toString(call.dependencies().size())));
                    call.dependencies().forEach(dep -> args.add(b(dep.id())));
                }
            }
        });
    }

    /**
     * Reports what a node did with tasks of one job it read; returns the outcomes Redis refused (the
     * others were recorded). Their logs are kept for {@code logRetention}.
     */
    public CompletableFuture<List<Refusal>> complete(String job, String node, List<Outcome> outcomes,
            Duration logRetention) {
        List<byte[]> header = header(now(), node, Integer.toString(NOTIFY_INLINE_LIMIT),
                Long.toString(Math.max(1, logRetention.toMillis())));
        return inChunks(complete, job, header, outcomes, o -> o.payload().length + o.log().length + 96,
                (o, args) -> {
                    args.add(b(o.task().id()));
                    args.add(b(Integer.toString(o.attempt())));
                    args.add(b(o.queue()));
                    args.add(b(o.entryId()));
                    args.add(b(o.kind().code()));
                    args.add(o.payload());
                    args.add(b(Long.toString(o.startedAt())));
                    args.add(b(Long.toString(o.epoch())));
                    args.add(o.log());
                });
    }

    /**
     * Calls a script once per chunk of records, keeping each call's arguments near
     * {@link #MAX_CALL_BYTES}; gathers the records the calls refused.
     */
    private <R> CompletableFuture<List<Refusal>> inChunks(LuaScript script, String job, List<byte[]> header,
            List<R> records, ToIntFunction<R> weight, BiConsumer<R, List<byte[]>> write) {
        List<CompletableFuture<List<Object>>> calls = new ArrayList<>();
        List<byte[]> args = new ArrayList<>(header);
        int bytes = 0;
        for (R record : records) {
            write.accept(record, args);
            bytes += weight.applyAsInt(record);
            if (bytes > MAX_CALL_BYTES) {
                calls.add(eval(script, job, args, ScriptOutputType.MULTI));
                args = new ArrayList<>(header);
                bytes = 0;
            }
        }
        if (args.size() > header.size()) {
            calls.add(eval(script, job, args, ScriptOutputType.MULTI));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Refusal> refused = new ArrayList<>();
            for (CompletableFuture<List<Object>> call : calls) {
                List<Object> reply = call.join();
                for (int k = 0; k + 1 < reply.size(); k += 2) {
                    refused.add(new Refusal(s((byte[]) reply.get(k)), s((byte[]) reply.get(k + 1))));
                }
            }
            return refused;
        });
    }

    /** Resolves objects this node does not own, subscribing it to those still pending. */
    public CompletableFuture<List<ObjectState>> subscribe(String job, String node, List<String> ids) {
        List<byte[]> args = new ArrayList<>(ids.size() + 1);
        args.add(b(node));
        ids.forEach(id -> args.add(b(id)));
        return this.<List<Object>>eval(subscribe, job, args, ScriptOutputType.MULTI).thenApply(ControlPlane::states);
    }

    /** The state of one object, with its value or error, or where a large value lives. */
    public CompletableFuture<ObjectState> fetch(ObjectId id) {
        List<byte[]> args = header(id.id(), keys.nodePrefix());
        return this.<List<Object>>eval(fetch, id.job(), args, ScriptOutputType.MULTI).thenApply(reply -> {
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
     * {@code node} to its notification; returns what rebuild.lua says ({@code Q F N X E C}).
     */
    public CompletableFuture<String> rebuild(ObjectId id, String node) {
        List<byte[]> args = header(id.id(), node, keys.nodePrefix(), now());
        return this.<byte[]>eval(rebuild, id.job(), args, ScriptOutputType.VALUE).thenApply(ControlPlane::s);
    }

    /**
     * Releases objects of one job whose owner dropped its last ref; completes with the large
     * objects freed at once, each as its id followed by its holders, space separated.
     */
    public CompletableFuture<List<String>> release(String job, List<String> ids) {
        List<byte[]> args = new ArrayList<>(ids.size());
        ids.forEach(id -> args.add(b(id)));
        return this.<List<Object>>eval(release, job, args, ScriptOutputType.MULTI)
                .thenApply(freed -> freed.stream().map(id -> s((byte[]) id)).toList());
    }

    /** Records ({@code add}) or forgets this node as holding copies of large objects of one job. */
    public CompletableFuture<Object> locations(String job, String node, boolean add, List<String> ids) {
        List<byte[]> args = header(add ? "+" : "-", node);
        ids.forEach(id -> args.add(b(id)));
        return eval(locations, job, args);
    }

    /** Cancels a task; returns its state code before ({@code ""} when unknown). */
    public CompletableFuture<String> cancel(ObjectId task, byte[] error) {
        List<byte[]> args = header(now(), task.id());
        args.add(error);
        args.add(b(Integer.toString(NOTIFY_INLINE_LIMIT)));
        return this.<byte[]>eval(cancel, task.job(), args, ScriptOutputType.VALUE).thenApply(ControlPlane::s);
    }

    /** Takes back up to 100 entries a dead node had read from one queue (key suffix); returns how many. */
    public CompletableFuture<Long> reap(String job, String queue, String deadNode, byte[] error, boolean drain) {
        List<byte[]> args = header(now(), queue, deadNode);
        args.add(error);
        args.add(b(Integer.toString(NOTIFY_INLINE_LIMIT)));
        args.add(b(drain ? "1" : "0"));
        return eval(reap, job, args, ScriptOutputType.INTEGER);
    }

    /**
     * Kills an actor; returns its state code before ({@code ""} when unknown) and the node that
     * hosted it ({@code ""} when none).
     */
    public CompletableFuture<String[]> killActor(ObjectId actor, byte[] error) {
        List<byte[]> args = header(now(), actor.id());
        args.add(error);
        args.add(b(Integer.toString(NOTIFY_INLINE_LIMIT)));
        return this.<List<Object>>eval(killActor, actor.job(), args, ScriptOutputType.MULTI)
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
        args.add(b(Integer.toString(NOTIFY_INLINE_LIMIT)));
        args.add(b(epoch == null ? "" : Long.toString(epoch)));
        args.add(callLost);
        return eval(reapActor, actor.job(), args, ScriptOutputType.INTEGER);
    }

    /**
     * Retires one chunk of an ended job; returns the next offset, 0 when done.
     *
     * @param cancelled the error its unfinished tasks end with, for their subscribers
     */
    public CompletableFuture<Long> endJob(String job, long retentionMillis, long offset, byte[] cancelled) {
        List<byte[]> args = header(Long.toString(retentionMillis), Long.toString(offset), now(),
                Integer.toString(NOTIFY_INLINE_LIMIT));
        args.add(cancelled);
        return eval(endJob, job, args, ScriptOutputType.INTEGER);
    }

    /**
     * Works off a job's backlog (failed tasks whose dependents are still to be told, calls of ended
     * actors still to be failed, left by scripts that reached their budget), one bounded script call
     * after another; completes when it is empty.
     */
    public CompletableFuture<Void> workOffBacklog(String job) {
        List<byte[]> args = header(now(), Integer.toString(NOTIFY_INLINE_LIMIT));
        return this.<Long>eval(drain, job, args, ScriptOutputType.INTEGER)
                .thenCompose(left -> left == 0 ? CompletableFuture.<Void>completedFuture(null) : workOffBacklog(job));
    }

    /** Refreshes a node's registration; completes with false when it has lapsed. */
    public CompletableFuture<Boolean> beat(String node, long timeToLiveMillis, Map<String, String> load) {
        List<byte[]> args = header(now(), Long.toString(timeToLiveMillis));
        load.forEach((field, value) -> {
            args.add(b(field));
            args.add(b(value));
        });
        return beat.<Long>eval(redis.async(), ScriptOutputType.INTEGER, new String[] {keys.node(node),
                keys.eventsListened()}, args.toArray(byte[][]::new)).thenApply(answer -> {
                    if (answer > 0) {
                        recordEvents(answer == 2);
                    }
                    return answer > 0;
                });
    }

    /**
     * Whether this node's scripts record task events in the event stream ({@link Keys#events()}):
     * while a dashboard listens, as the heartbeat finds out (a dashboard's own node is told at once).
     */
    public void recordEvents(boolean record) {
        this.recordingEvents = record;
    }

    private CompletableFuture<Object> eval(LuaScript script, String job, List<byte[]> args) {
        return eval(script, job, args, ScriptOutputType.INTEGER);
    }

    private <T> CompletableFuture<T> eval(LuaScript script, String job, List<byte[]> args, ScriptOutputType type) {
        RedisAsyncCommands<String, byte[]> async = redis.async();
        String[] scriptKeys = recordingEvents ? new String[] {keys.job(job), keys.events()}
                : new String[] {keys.job(job)};
        return script.eval(async, type, scriptKeys, args.toArray(byte[][]::new));
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

    /** Message fields for a node's inbox. */
    public static Map<String, byte[]> message(String type, String argument) {
        return Map.of("m", b(type), "x", b(argument == null ? "" : argument));
    }

    private static List<byte[]> header(String... values) {
        List<byte[]> args = new ArrayList<>();
        for (String value : values) {
            args.add(b(value));
        }
        return args;
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    static byte[] b(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
