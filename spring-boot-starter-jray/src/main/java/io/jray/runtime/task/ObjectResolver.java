package io.jray.runtime.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.GetTimeoutException;
import io.jray.api.JRayException;
import io.jray.api.JRayUnavailableException;
import io.jray.api.ObjectLostException;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.ObjectState;
import io.jray.runtime.control.Rebuild;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.TaskContext;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.serialization.RemoteError;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.store.LargeObjects;

/**
 * Resolves {@link ObjectRefImpl}s to values. Objects this node owns complete from its notification
 * stream; others are looked up in Redis once, subscribing this node when still pending. Values are
 * fetched once, decoded, and cached on the ref.
 */
public final class ObjectResolver {

    private static final Log log = LogFactory.getLog(ObjectResolver.class);
    private static final int MAX_REBUILD_ROUNDS = 5;

    private final ControlPlane control;
    private final ValueCodec codec;
    private final LargeObjects objects;
    private final String node;
    private final ClusterHealth health;
    private final Consumer<String> watchJob;
    private final Executor executor;
    private final Map<ObjectId, CompletableFuture<ObjectState>> pending = new ConcurrentHashMap<>();
    private final PendingReconciler reconciler;
    private final RefTracker tracker;

    public ObjectResolver(ControlPlane control, ValueCodec codec, LargeObjects objects, ObjectRefType refType,
            String node, ClusterHealth health, Consumer<String> watchJob, Executor executor) {
        this.control = control;
        this.codec = codec;
        this.objects = objects;
        this.node = node;
        this.health = health;
        this.watchJob = watchJob;
        this.executor = executor;
        this.tracker = new RefTracker(node);
        this.reconciler = new PendingReconciler(control, node, pending, this::settle);
        refType.bind(this);
        health.onOutage(this::failAllPending);
    }

    /** A ref for an object this node is about to create; it completes from a notification. */
    public <T> ObjectRefImpl<T> expect(ObjectId id, String description) {
        ObjectRefImpl<T> ref = new ObjectRefImpl<>(id, node, description, this);
        CompletableFuture<ObjectState> state = new CompletableFuture<>();
        pending.put(id, state);
        ref.state = state;
        tracker.track(ref);
        return ref;
    }

    /** A ref for a value this node stores; {@code inline} is the encoded value, or null to fetch it later. */
    public <T> ObjectRefImpl<T> ready(ObjectId id, byte[] inline) {
        ObjectRefImpl<T> ref = new ObjectRefImpl<>(id, node, "put", this);
        ref.state = CompletableFuture.completedFuture(new ObjectState(ObjectState.Status.FINISHED, inline));
        tracker.track(ref);
        return ref;
    }

    /** A ref that arrived from elsewhere, resolved on first use. */
    public <T> ObjectRefImpl<T> borrowed(ObjectId id, String owner) {
        return new ObjectRefImpl<>(id, owner, null, this);
    }

    /** Sends the objects whose last ref this node dropped to {@code release}. */
    public void releaseTo(Consumer<ObjectId> release) {
        tracker.releaseTo(release);
    }

    /**
     * A ref of this node left it in a way reference counting does not follow (inside a value, to
     * another job, to an actor's constructor): its object is kept until its job ends.
     */
    public void pin(ObjectRefImpl<?> ref) {
        tracker.pin(ref);
    }

    /** An object settled (from a notification). */
    public void settle(ObjectId id, ObjectState state) {
        CompletableFuture<ObjectState> future = pending.remove(id);
        if (future != null) {
            future.complete(state);
        }
    }

    /**
     * A script left work in {@code job}'s backlog (this node owns the job): it is worked off now, and
     * tried again every 2 s while Redis does not answer (the backlog goes with the job when it ends).
     */
    public void workOffBacklog(String job) {
        control.workOffBacklog(job).exceptionally(error -> {
            log.debug("Working off the backlog of job " + job + " failed; trying again in 2 s", error);
            CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS, executor).execute(() -> workOffBacklog(job));
            return null;
        });
    }

    /** An object this node was to create will not be (its submission failed). */
    public void fail(ObjectId id, Throwable error) {
        CompletableFuture<ObjectState> future = pending.remove(id);
        if (future != null) {
            future.completeExceptionally(error);
        }
    }

    public <T> T get(ObjectRefImpl<T> ref, Duration timeout) {
        if (ref.hasValue()) {
            return ref.value();
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        ObjectState state = await(ref, states(List.of(ref)).getFirst(), deadline, timeout);
        return materialize(ref, state, deadline, timeout);
    }

    public <T> CompletableFuture<T> toFuture(ObjectRefImpl<T> ref) {
        if (ref.hasValue()) {
            return CompletableFuture.completedFuture(ref.value());
        }
        return states(List.of(ref)).getFirst().thenApplyAsync(state -> materialize(ref, state, Long.MAX_VALUE, null),
                executor);
    }

    /**
     * The state futures of the refs; refs whose state is unknown here are looked up in one script
     * call per job.
     */
    public List<CompletableFuture<ObjectState>> states(List<? extends ObjectRefImpl<?>> refs) {
        List<CompletableFuture<ObjectState>> out = new ArrayList<>(refs.size());
        Map<String, List<ObjectId>> lookups = new LinkedHashMap<>();
        for (ObjectRefImpl<?> ref : refs) {
            CompletableFuture<ObjectState> state = ref.state;
            if (state == null || (state.isCompletedExceptionally() && health.isAvailable()
                    && !state.isCancelled() && state.exceptionNow() instanceof JRayUnavailableException)) {
                // why: borrowed refs, and refs whose wait failed in an outage that is over, ask Redis
                boolean[] created = new boolean[1];
                state = pending.computeIfAbsent(ref.objectId(), id -> {
                    created[0] = true;
                    return new CompletableFuture<>();
                });
                ref.state = state;
                if (created[0]) {
                    lookups.computeIfAbsent(ref.objectId().job(), job -> new ArrayList<>()).add(ref.objectId());
                }
            }
            out.add(state);
        }
        lookups.forEach(this::subscribe);
        return out;
    }

    private void subscribe(String job, List<ObjectId> ids) {
        watchJob.accept(job);
        control.objects().subscribe(job, node, ids.stream().map(ObjectId::id).toList()).whenComplete((states, error) -> {
            if (error != null) {
                ids.forEach(id -> fail(id, unavailable("could not look up " + id, error)));
            }
            else {
                for (int i = 0; i < ids.size(); i++) {
                    if (states.get(i).isSettled()) {
                        settle(ids.get(i), states.get(i));
                    }
                }
            }
        });
    }

    private ObjectState await(ObjectRefImpl<?> ref, CompletableFuture<ObjectState> state, long deadline,
            Duration timeout) {
        if (!state.isDone()) {
            TaskContext context = TaskContext.current();
            boolean released = context != null && context.blocking().beforeBlocking();
            try {
                if (timeout == null) {
                    state.get();
                }
                else {
                    state.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            }
            catch (TimeoutException e) {
                throw new GetTimeoutException("the value of " + ref + " was not ready within " + timeout);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JRayException("interrupted while waiting for " + ref, e);
            }
            catch (ExecutionException e) {
                // why: rethrown below, where completed futures land too
            }
            finally {
                if (released) {
                    context.blocking().afterBlocking();
                }
            }
        }
        try {
            return state.join();
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new JRayException(e.getMessage(), e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T materialize(ObjectRefImpl<T> ref, ObjectState state, long deadline, Duration timeout) {
        if (ref.hasValue()) {
            return ref.value();
        }
        ObjectState settled = state;
        for (int round = 1;; round++) {
            if (settled.status() == ObjectState.Status.FINISHED && settled.payload() == null && settled.large() == null) {
                settled = fetch(ref);
                if (settled.large() != null) {
                    // why: later reads of this ref go straight to the holders; a lost copy leads to a rebuild here
                    ref.state = CompletableFuture.completedFuture(settled);
                }
            }
            switch (settled.status()) {
                case FINISHED -> {
                    if (settled.large() == null) {
                        T value = (T) codec.decode(settled.payload());
                        ref.cache(value);
                        return value;
                    }
                    try {
                        // why: large values are not cached on the ref: the store keeps them, and each read maps them
                        return (T) objects.read(ref.objectId(), settled.large());
                    }
                    catch (LargeObjects.CopiesLostException lost) {
                        if (round >= MAX_REBUILD_ROUNDS) {
                            throw new ObjectLostException("the value of " + ref + " was lost and could not be rebuilt "
                                    + "after " + round + " attempts: " + lost.getMessage());
                        }
                        settled = rebuild(ref, lost, deadline, timeout);
                    }
                }
                case FAILED -> throw failure(ref, settled.payload());
                case CANCELLED -> throw RemoteFailures.cancelled(ref, settled.payload());
                case LOST, PENDING -> throw new ObjectLostException("the value of " + ref + " is not in Redis: its job "
                        + "ended, or it was never stored");
            }
        }
    }

    /**
     * Every copy of a large object was lost: has the task that made it run again (lineage) and
     * waits for it; returns the object's new state.
     */
    private ObjectState rebuild(ObjectRefImpl<?> ref, LargeObjects.CopiesLostException lost, long deadline,
            Duration timeout) {
        ObjectId id = ref.objectId();
        CompletableFuture<ObjectState> next = pending.computeIfAbsent(id, key -> new CompletableFuture<>());
        Rebuild outcome;
        try {
            watchJob.accept(id.job());
            outcome = control.objects().rebuild(id, node).get(health.bound().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JRayException("interrupted while rebuilding " + ref, e);
        }
        catch (ExecutionException | TimeoutException e) {
            pending.remove(id, next);
            throw unavailable("could not rebuild the lost value of " + ref, e);
        }
        if (outcome == Rebuild.QUEUED) {
            log.info("Every copy of " + ref + " was lost; its task runs again to rebuild it (" + lost.getMessage() + ")");
            return await(ref, next, deadline, timeout);
        }
        pending.remove(id, next);
        return switch (outcome) {
            case READABLE, FAILED, CANCELLED -> fetch(ref);
            case NOT_REBUILDABLE -> throw new ObjectLostException("the value of " + ref + " was lost (" + lost.getMessage()
                    + ") and cannot be rebuilt: it was put, or returned by an actor, not made by a task");
            case INPUT_FREED -> throw new ObjectLostException("the value of " + ref + " was lost (" + lost.getMessage()
                    + ") and cannot be rebuilt: an input of the task that made it was freed meanwhile");
            case GONE, QUEUED -> throw new ObjectLostException("the value of " + ref + " was lost (" + lost.getMessage()
                    + ") and its record is gone: freed, or its job ended");
        };
    }

    private ObjectState fetch(ObjectRefImpl<?> ref) {
        try {
            return control.objects().fetch(ref.objectId()).get(health.bound().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JRayException("interrupted while fetching " + ref, e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw unavailable("could not fetch the value of " + ref, e);
        }
    }

    /** The exception {@code get()} throws for a failed object: see {@link RemoteFailures}. */
    private JRayException failure(ObjectRefImpl<?> ref, byte[] payload) {
        return RemoteFailures.of(ref, RemoteError.decode(payload));
    }

    private JRayUnavailableException unavailable(String what, Throwable error) {
        Throwable cause = error instanceof ExecutionException || error instanceof CompletionException
                ? error.getCause() : error;
        return new JRayUnavailableException(what + ": Redis at " + health.address() + " did not answer: " + cause, cause);
    }

    /**
     * Asks Redis again about refs that were pending at the last pass too: see {@link PendingReconciler}.
     */
    public void reconcile(boolean steady) {
        reconciler.reconcile(steady);
    }

    /** Fails every ref still waiting on this node. */
    public void failAllPending(RuntimeException error) {
        for (ObjectId id : List.copyOf(pending.keySet())) {
            fail(id, error);
        }
    }
}
