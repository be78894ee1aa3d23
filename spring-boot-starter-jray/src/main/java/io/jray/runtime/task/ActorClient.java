package io.jray.runtime.task;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.jray.api.ActorDiedException;
import io.jray.api.ActorHandle;
import io.jray.api.ActorOptions;
import io.jray.api.JRayException;
import io.jray.api.JRayUnavailableException;
import io.jray.api.ObjectRef;
import io.jray.api.function.RemoteCallable;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.control.RecordField;
import io.jray.runtime.control.RecordKind;
import io.jray.runtime.control.RecordState;
import io.jray.runtime.control.TaskRecords;
import io.jray.runtime.core.IdGenerator;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.TaskContext;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.serialization.RemoteError;

/**
 * The caller's side of actors: creates them, sends their calls (through the {@link TaskSubmitter},
 * so they keep this node's order), finds named ones and kills them. An owned actor lives in its
 * creator's job; a detached one in a job of its own, which ends when it is killed.
 */
public final class ActorClient {

    /** The owner recorded for the job of a detached actor: no node, so no node's death ends it. */
    static final String DETACHED_OWNER = "detached";

    private static final Set<String> LIVE = Set.of(RecordState.QUEUED.code(), RecordState.RUNNING.code(),
            RecordState.FINISHED.code());

    private final TaskSubmitter submitter;
    private final FunctionRegistry functions;
    private final ControlPlane control;
    private final TaskRecords records;
    private final Inbox inbox;
    private final Jobs jobs;
    private final ClusterHealth health;
    private final IdGenerator ids;
    private final Supplier<String> driverJob;
    private final String node;

    public ActorClient(TaskSubmitter submitter, FunctionRegistry functions, ControlPlane control, Inbox inbox,
            Jobs jobs, ClusterHealth health, IdGenerator ids, Supplier<String> driverJob, String node,
            ActorHandleType handleType) {
        this.submitter = submitter;
        this.functions = functions;
        this.control = control;
        this.records = control.records();
        this.inbox = inbox;
        this.jobs = jobs;
        this.health = health;
        this.ids = ids;
        this.driverJob = driverJob;
        this.node = node;
        handleType.bind(this);
    }

    public <A> ActorHandle<A> create(Class<A> actorClass, Object[] args, ActorOptions options) {
        health.checkAvailable();
        if (functions.actorBean(actorClass.getName()) == null) {
            throw new IllegalArgumentException(actorClass.getName() + " is not a @RemoteActor class of this "
                    + "application: annotate it with @RemoteActor where component scanning finds it");
        }
        ObjectId id = new ObjectId(jobFor(options), ids.next());
        if (options.name() != null) {
            claimName(options.name(), id, actorClass);
        }
        submitter.submitActorCreation(id, actorClass.getName(), args, options);
        return handle(id, actorClass, options.name());
    }

    <R> ObjectRef<R> call(DefaultActorHandle<?> actor, RemoteCallable method, Object[] args) {
        return submitter.submitActorCall(actor.actorId(), functions.resolveActorMethod(method, actor.actorClass()),
                args);
    }

    /** The live actor of that name, or empty. */
    public <A> Optional<ActorHandle<A>> find(String name, Class<A> actorClass) {
        String entry = await(control.actors().named(name));
        if (entry == null) {
            return Optional.empty();
        }
        String[] parts = entry.split("/", 3);
        if (parts.length != 3) {
            throw new JRayException("malformed entry '" + entry + "' for actor name '" + name + "' in Redis");
        }
        if (!parts[2].equals(actorClass.getName())) {
            throw new IllegalArgumentException("the actor named '" + name + "' is a " + parts[2] + ", not a "
                    + actorClass.getName());
        }
        ObjectId id = new ObjectId(parts[0], parts[1]);
        return isLive(id) ? Optional.of(handle(id, actorClass, name)) : Optional.empty();
    }

    /** Kills an actor; killing a dead one does nothing. */
    public void kill(ActorHandle<?> actor) {
        if (!(actor instanceof DefaultActorHandle<?> handle)) {
            throw new IllegalArgumentException(actor == null ? "the actor must not be null"
                    : "not an ActorHandle made by jray: " + actor.getClass().getName());
        }
        kill(handle.actorId(), handle.actorClass().getName(), handle.name().orElse(null));
    }

    /**
     * Kills the actor of an id (an operator's request); killing a dead one does nothing.
     *
     * @throws IllegalArgumentException when no actor has this id
     */
    public void kill(ObjectId id) {
        List<String> record = await(records.fields(id, RecordField.KIND, RecordField.FUNCTION_ID, RecordField.NAME));
        if (!RecordKind.ACTOR.code().equals(record.get(0)) || record.get(1) == null) {
            throw new IllegalArgumentException("no actor has the id " + id);
        }
        String function = record.get(1);
        kill(id, function.substring(0, function.indexOf('#') < 0 ? function.length() : function.indexOf('#')),
                record.get(2));
    }

    private void kill(ObjectId id, String actorClass, String name) {
        byte[] error = RemoteError.of(ActorDiedException.class, "actor " + actorClass.substring(actorClass.lastIndexOf('.') + 1)
                + " [" + id + "] was killed", null, null, node).encode();
        String[] before = await(submitter.submitted().thenCompose(ok -> control.actors().killActor(id, error)));
        if (LIVE.contains(before[0])) {
            await(inbox.broadcast(Inbox.KILL_ACTOR, id.toString()));
        }
        if (name != null && !name.isEmpty()) {
            releaseName(name, id, actorClass);
        }
        try {
            if (DETACHED_OWNER.equals(jobs.owner(id.job())) && jobs.isActive(id.job())) {
                jobs.end(id.job());
            }
        }
        catch (Exception e) {
            throw unavailable("could not end the job of detached actor " + id, e);
        }
    }

    <A> DefaultActorHandle<A> handle(ObjectId id, Class<A> actorClass, String name) {
        return new DefaultActorHandle<>(id, actorClass, name, this);
    }

    private String jobFor(ActorOptions options) {
        if (options.lifetime() == ActorOptions.Lifetime.DETACHED) {
            try {
                return jobs.start(DETACHED_OWNER);
            }
            catch (Exception e) {
                throw unavailable("could not start the job of a detached actor", e);
            }
        }
        TaskContext context = TaskContext.current();
        return context != null ? context.taskId().job() : driverJob.get();
    }

    private void claimName(String name, ObjectId id, Class<?> actorClass) {
        String entry = id + "/" + actorClass.getName();
        if (await(control.actors().claimName(name, entry))) {
            return;
        }
        String existing = await(control.actors().named(name));
        String[] parts = existing == null ? new String[0] : existing.split("/", 3);
        if (parts.length == 3 && isLive(new ObjectId(parts[0], parts[1]))) {
            throw new IllegalArgumentException("an actor named '" + name + "' already lives: " + parts[0] + "/" + parts[1]
                    + " (" + parts[2] + ")");
        }
        await(control.actors().takeName(name, entry));
    }

    private void releaseName(String name, ObjectId id, String actorClass) {
        String entry = id + "/" + actorClass;
        if (entry.equals(await(control.actors().named(name)))) {
            await(control.actors().dropName(name));
        }
    }

    private boolean isLive(ObjectId actor) {
        String state = await(records.state(actor));
        return state != null && LIVE.contains(state);
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(health.bound().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JRayException("interrupted while talking to Redis", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw unavailable("Redis at " + health.address() + " did not answer", e);
        }
    }

    private JRayUnavailableException unavailable(String what, Throwable e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        return new JRayUnavailableException(what + ": " + cause, cause);
    }
}
