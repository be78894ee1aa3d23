package io.jray.runtime.task;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.ActorOptions;
import io.jray.api.JRayException;
import io.jray.api.JRayUnavailableException;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.api.function.RemoteCallable;
import io.jray.runtime.control.Batcher;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.Refusal;
import io.jray.runtime.control.SubmitRecord;
import io.jray.runtime.core.IdGenerator;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.Resources;
import io.jray.runtime.core.TaskArg;
import io.jray.runtime.core.TaskContext;
import io.jray.runtime.core.TaskEvents;
import io.jray.runtime.core.TaskObservations;
import io.jray.runtime.core.TaskSpec;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.function.MonoResults;
import io.jray.runtime.function.ProxyCallDispatcher;
import io.jray.runtime.function.RegisteredFunction;
import io.jray.runtime.node.ClusterHealth;

/**
 * Turns calls into task specs and sends them to Redis in batches, in submission order, so a task
 * always reaches Redis after the tasks and values it depends on. {@code remote()} returns as soon
 * as the spec is queued here; a batch that Redis refuses fails the refs of its tasks.
 */
public final class TaskSubmitter implements ProxyCallDispatcher, AutoCloseable {

    private static final Log log = LogFactory.getLog(TaskSubmitter.class);

    private final String node;
    private final IdGenerator ids;
    private final FunctionRegistry functions;
    private final ArgumentEncoder encoder;
    private final ObjectResolver resolver;
    private final ControlPlane control;
    private final Inbox inbox;
    private final ClusterHealth health;
    private final NotificationListener listener;
    private final Supplier<String> driverJob;
    private final Set<String> usedShapes = ConcurrentHashMap.newKeySet();
    private final Set<String> jobsSubmittedTo = ConcurrentHashMap.newKeySet();
    private final Map<TaskOptions, Resources> demands = new ConcurrentHashMap<>();
    /** Actor calls hold nothing of their own: the actor holds its resources while it lives. */
    private static final Resources ACTOR_CALL_DEMAND = Resources.of(Map.of(Resources.CPU, 0.0));
    private final Batcher<SubmitRecord> batcher;
    private final InfeasibleWork infeasible;
    private volatile TaskEvents events = TaskEvents.NONE;
    private volatile TaskObservations observations = TaskObservations.NONE;

    public TaskSubmitter(String node, IdGenerator ids, FunctionRegistry functions, ArgumentEncoder encoder,
            ObjectResolver resolver, ControlPlane control, Inbox inbox, ClusterHealth health,
            NotificationListener listener, Supplier<String> driverJob, int maxBatch, InfeasibleWork infeasible) {
        this.infeasible = infeasible;
        this.node = node;
        this.ids = ids;
        this.functions = functions;
        this.encoder = encoder;
        this.resolver = resolver;
        this.control = control;
        this.inbox = inbox;
        this.health = health;
        this.listener = listener;
        this.driverJob = driverJob;
        this.batcher = new Batcher<>("jray-submit", 100_000, maxBatch, this::flush);
    }

    public <R> ObjectRef<R> submit(RemoteCallable function, Object[] args, TaskOptions options) {
        health.checkAvailable();
        return submit(functions.resolve(function), args, options);
    }

    public <R> ObjectRef<R> submit(RegisteredFunction function, Object[] args, TaskOptions options) {
        health.checkAvailable();
        TaskContext context = TaskContext.current();
        String job = context != null ? context.taskId().job() : driverJob.get();
        ObjectId id = new ObjectId(job, ids.next());
        List<SubmitRecord> records = new ArrayList<>(1);
        List<TaskArg> encoded = encoder.encode(function, args, job, records);
        Resources demand = demand(options);
        String shape = demand.shape();
        boolean newShape = usedShapes.add(job + "|" + shape);
        if (newShape) {
            infeasible.watch(job, shape, demand, function.displayName());
        }
        String parent = context == null ? null : context.taskId().id();
        Duration timeout = options.timeout();
        TaskSpec spec = new TaskSpec(id, function.id(), encoded, demand, options.maxRetries(),
                options.retryExceptions(), options.retryOn().stream().map(Class::getName).toList(), options.name(),
                timeout == null ? 0 : timeout.toMillis(), node, parent, TaskSpec.Kind.TASK, null, 1,
                observations.submitted(id, function.id(), TaskSpec.Kind.TASK));
        records.add(new SubmitRecord.Task(id, shape, newShape, function.id(), options.name(), parent,
                options.maxRetries(), spec.encode(), spec.dependencies()));
        ObjectRefImpl<R> ref = resolver.expect(id, options.name() != null ? options.name() : function.displayName());
        listener.watch(job);
        records.forEach(batcher::add);
        events.submitted(function.id());
        // why: the argument refs must outlive the records naming them, or their release could overtake them
        Reference.reachabilityFence(args);
        return ref;
    }

    /**
     * Submits the creation of an actor in {@code actor}'s job: a task that makes the actor live on
     * a node with its resources.
     */
    public void submitActorCreation(ObjectId actor, String actorClass, Object[] args, ActorOptions options) {
        health.checkAvailable();
        TaskContext context = TaskContext.current();
        List<SubmitRecord> records = new ArrayList<>(1);
        List<TaskArg> encoded = encoder.encodeUntyped(args, "the constructor of " + actorClass, actor.job(), records);
        Resources demand = Resources.demand(options.cpus(), options.memory(), options.resources());
        String shape = demand.shape();
        boolean newShape = usedShapes.add(actor.job() + "|" + shape);
        if (newShape) {
            infeasible.watch(actor.job(), shape, demand, "actor " + actorClass);
        }
        TaskSpec spec = new TaskSpec(actor, actorClass, encoded, demand, options.maxRestarts(), false, List.of(),
                options.name(), 0, node, context == null ? null : context.taskId().id(), TaskSpec.Kind.ACTOR_CREATION,
                actor, options.maxConcurrency());
        records.add(new SubmitRecord.ActorCreation(actor, shape, newShape, actorClass, options.name(),
                options.maxRestarts(), options.maxTaskRetries(), options.lifetime().name(), spec.encode()));
        listener.watch(actor.job());
        records.forEach(batcher::add);
    }

    /** Submits a call of an actor's method to the actor's stream, behind this node's earlier calls. */
    public <R> ObjectRef<R> submitActorCall(ObjectId actor, RegisteredFunction method, Object[] args) {
        health.checkAvailable();
        TaskContext context = TaskContext.current();
        ObjectId id = new ObjectId(actor.job(), ids.next());
        List<SubmitRecord> records = new ArrayList<>(1);
        List<TaskArg> encoded = encoder.encode(method, args, actor.job(), records);
        String parent = context == null ? null : context.taskId().id();
        TaskSpec spec = new TaskSpec(id, method.id(), encoded, ACTOR_CALL_DEMAND, 0, false, List.of(), null, 0, node,
                parent, TaskSpec.Kind.ACTOR_CALL, actor, 1,
                observations.submitted(id, method.id(), TaskSpec.Kind.ACTOR_CALL));
        records.add(new SubmitRecord.ActorCall(id, actor, method.id(), null, parent, spec.encode(),
                spec.dependencies()));
        ObjectRefImpl<R> ref = resolver.expect(id, method.displayName());
        listener.watch(actor.job());
        records.forEach(batcher::add);
        events.submitted(method.id());
        Reference.reachabilityFence(args);
        return ref;
    }

    /** Stores a value in the cluster. */
    public <T> ObjectRef<T> put(T value) {
        health.checkAvailable();
        TaskContext context = TaskContext.current();
        String job = context != null ? context.taskId().job() : driverJob.get();
        ObjectId id = new ObjectId(job, ids.next());
        SubmitRecord record = encoder.put(id, value);
        batcher.add(record);
        return resolver.ready(id, record instanceof SubmitRecord.Put put
                && put.value().length <= ControlPlane.NOTIFY_INLINE_LIMIT ? put.value() : null);
    }

    /** Where to tell about the tasks submitted here (for metrics). */
    /** Where submissions are observed, for traces. */
    public void observeWith(TaskObservations observations) {
        this.observations = observations;
    }

    public void tellEvents(TaskEvents events) {
        this.events = events;
    }

    /** Whether this node has submitted to {@code job} (and not forgotten it since). */
    boolean hasSubmittedTo(String job) {
        return jobsSubmittedTo.contains(job);
    }

    @Override
    public Object dispatch(RegisteredFunction function, Object[] args) {
        ObjectRef<Object> ref = submit(function, args, TaskOptions.defaults());
        return function.isAsync() ? ref.toFuture() : function.isMono() ? MonoResults.fromFuture(ref.toFuture())
                : ref.get();
    }

    /** The resources a task of these options holds; computed once per distinct options. */
    private Resources demand(TaskOptions options) {
        Resources known = demands.get(options);
        if (known == null) {
            if (demands.size() > 1000) {
                demands.clear();
            }
            known = Resources.demand(options.cpus(), options.memory(), options.resources());
            demands.put(options, known);
        }
        return known;
    }

    private CompletableFuture<?> flush(List<SubmitRecord> batch) {
        Map<String, List<SubmitRecord>> byJob = new LinkedHashMap<>();
        boolean announce = false;
        for (SubmitRecord record : batch) {
            byJob.computeIfAbsent(record.id().job(), job -> new ArrayList<>()).add(record);
            announce |= record instanceof SubmitRecord.Task task && task.newShape()
                    || record instanceof SubmitRecord.ActorCreation actor && actor.newShape();
        }
        List<CompletableFuture<?>> calls = new ArrayList<>();
        byJob.forEach((job, records) -> {
            boolean first = jobsSubmittedTo.add(job);
            calls.add(control.submit(job, node, first, records)
                    .whenComplete((refused, error) -> {
                        if (error != null) {
                            failAll(records, error);
                            if (first) {
                                jobsSubmittedTo.remove(job);
                            }
                        }
                        else if (!refused.isEmpty()) {
                            failRefused(job, refused);
                        }
                    }));
        });
        CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
        return announce ? all.thenCompose(ok -> inbox.broadcast(Inbox.JOBS, "")) : all;
    }

    private void failAll(List<SubmitRecord> records, Throwable error) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        JRayUnavailableException failure = new JRayUnavailableException("could not submit to Redis at "
                + health.address() + ": " + cause, cause);
        for (SubmitRecord record : records) {
            resolver.fail(record.id(), failure);
            if (record instanceof SubmitRecord.Task task && task.newShape()) {
                usedShapes.remove(task.id().job() + "|" + task.shape());
            }
        }
    }

    /** Records Redis refused fail their refs with what Redis said, which an operator sees at WARN too. */
    private void failRefused(String job, List<Refusal> refused) {
        Refusal first = refused.getFirst();
        log.warn("Redis refused to record " + refused.size() + " submission(s) of job " + job + ", which fail; first: "
                + control.keys().job(job) + "o:" + first.id() + ": " + first.error());
        for (Refusal refusal : refused) {
            resolver.fail(new ObjectId(job, refusal.id()), new JRayException("Redis at " + health.address()
                    + " refused to record task or object " + refusal.id() + ": " + refusal.error()));
        }
    }

    /** Forgets what this node knows of a job's keys in Redis (the job ended or Redis lost it). */
    public void forgetJob(String job) {
        jobsSubmittedTo.remove(job);
        usedShapes.removeIf(key -> key.startsWith(job + "|"));
    }

    /** Completes once every submission made so far has reached Redis (or failed). */
    public CompletableFuture<Void> submitted() {
        return batcher.barrier();
    }

    /** How many records wait to be sent. */
    public int backlog() {
        return batcher.backlog();
    }

    @Override
    public void close() {
        batcher.close();
    }
}
