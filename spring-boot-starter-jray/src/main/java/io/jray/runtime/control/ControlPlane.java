package io.jray.runtime.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

import io.lettuce.core.ScriptOutputType;

import io.jray.api.JRayException;
import io.jray.runtime.control.redis.EvictionCheck;
import io.jray.runtime.control.redis.LuaScript;
import io.jray.runtime.control.redis.RedisLink;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.serialization.RemoteError;

import static io.jray.runtime.control.Scripts.b;
import static io.jray.runtime.control.Scripts.header;
import static io.jray.runtime.control.Scripts.now;
import static io.jray.runtime.control.Scripts.s;

/**
 * The control plane's operations on Redis, each one script call (one round trip) per job and
 * batch. Callers batch: see {@link Batcher}.
 */
public final class ControlPlane {

    /** Values up to this size travel inside notifications, saving the owner a fetch. */
    public static final int NOTIFY_INLINE_LIMIT = 16 * 1024;

    private static final int MAX_CALL_BYTES = 8 * 1024 * 1024;

    private final RedisLink redis;
    private final Keys keys;
    private final Scripts scripts;
    private final Streams streams;
    private final ObjectDirectory objects;
    private final ActorRecords actors;
    private final TaskRecords records;
    private final Membership membership;
    private final byte[] missingDependency = RemoteError.of(JRayException.class,
            "a dependency of this task does not exist in Redis (never submitted, or freed with its job)",
            null, null, null).encode();

    public ControlPlane(RedisLink redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
        this.scripts = new Scripts(redis, keys);
        this.streams = new Streams(redis, keys);
        this.objects = new ObjectDirectory(redis, keys, scripts);
        this.actors = new ActorRecords(redis, keys, scripts);
        this.records = new TaskRecords(this);
        this.membership = new Membership(redis, keys);
    }

    /** Objects: states, values, copies of large ones, release. */
    public ObjectDirectory objects() {
        return objects;
    }

    /** Records: what the control plane keeps of tasks, read. */
    public TaskRecords records() {
        return records;
    }

    /** Actors: kill, reap, names. */
    public ActorRecords actors() {
        return actors;
    }

    /** Who is in the cluster: node registrations, the functions they offer, shared values. */
    public Membership membership() {
        return membership;
    }

    /** The streams: readers of queues and notifications, and what they need besides reading. */
    public Streams streams() {
        return streams;
    }

    public Keys keys() {
        return keys;
    }

    public RedisLink redis() {
        return redis;
    }

    /**
     * Makes the control plane ready for a node: loads every script, so later calls go by SHA1, and
     * warns when Redis may evict jray's keys.
     */
    public void prepare() {
        scripts.loadAll();
        EvictionCheck.warnIfEvicting(redis);
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
        return inChunks(scripts.submit, job, header, records, SubmitRecord::weight, (record, args) -> {
            switch (record) {
                case SubmitRecord.Put put -> {
                    args.add(b(SubmitKind.PUT.code()));
                    args.add(b(put.id().id()));
                    args.add(put.value());
                }
                case SubmitRecord.LargePut put -> {
                    args.add(b(SubmitKind.LARGE_PUT.code()));
                    args.add(b(put.id().id()));
                    args.add(b(Long.toString(put.size())));
                    args.add(b(put.released() ? "1" : "0"));
                }
                case SubmitRecord.Task task -> {
                    args.add(b(SubmitKind.TASK.code()));
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
                    args.add(b(SubmitKind.ACTOR_CREATION.code()));
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
                    args.add(b(SubmitKind.ACTOR_CALL.code()));
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
        return inChunks(scripts.complete, job, header, outcomes, o -> o.payload().length + o.log().length + 96,
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
                calls.add(scripts.eval(script, job, args, ScriptOutputType.MULTI));
                args = new ArrayList<>(header);
                bytes = 0;
            }
        }
        if (args.size() > header.size()) {
            calls.add(scripts.eval(script, job, args, ScriptOutputType.MULTI));
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

    /** Cancels a task; returns its state code before ({@code ""} when unknown). */
    public CompletableFuture<String> cancel(ObjectId task, byte[] error) {
        List<byte[]> args = header(now(), task.id());
        args.add(error);
        args.add(b(Integer.toString(NOTIFY_INLINE_LIMIT)));
        return scripts.<byte[]>eval(scripts.cancel, task.job(), args, ScriptOutputType.VALUE).thenApply(Scripts::s);
    }

    /** Takes back up to 100 entries a dead node had read from one queue (key suffix); returns how many. */
    public CompletableFuture<Long> reap(String job, String queue, String deadNode, byte[] error, boolean drain) {
        List<byte[]> args = header(now(), queue, deadNode);
        args.add(error);
        args.add(b(Integer.toString(NOTIFY_INLINE_LIMIT)));
        args.add(b(drain ? "1" : "0"));
        return scripts.eval(scripts.reap, job, args, ScriptOutputType.INTEGER);
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
        return scripts.eval(scripts.endJob, job, args, ScriptOutputType.INTEGER);
    }

    /**
     * Works off a job's backlog (failed tasks whose dependents are still to be told, calls of ended
     * actors still to be failed, left by scripts that reached their budget), one bounded script call
     * after another; completes when it is empty.
     */
    public CompletableFuture<Void> workOffBacklog(String job) {
        List<byte[]> args = header(now(), Integer.toString(NOTIFY_INLINE_LIMIT));
        return scripts.<Long>eval(scripts.drain, job, args, ScriptOutputType.INTEGER)
                .thenCompose(left -> left == 0 ? CompletableFuture.<Void>completedFuture(null) : workOffBacklog(job));
    }

    /** Refreshes a node's registration; completes with false when it has lapsed. */
    public CompletableFuture<Boolean> beat(String node, long timeToLiveMillis, Map<String, String> load) {
        List<byte[]> args = header(now(), Long.toString(timeToLiveMillis));
        load.forEach((field, value) -> {
            args.add(b(field));
            args.add(b(value));
        });
        return scripts.beat.<Long>eval(redis.async(), ScriptOutputType.INTEGER, new String[] {keys.node(node),
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
        scripts.recordEvents(record);
    }

    /** Message fields for a node's inbox. */
    public static Map<String, byte[]> message(String type, String argument) {
        return Map.of("m", b(type), "x", b(argument == null ? "" : argument));
    }

}
