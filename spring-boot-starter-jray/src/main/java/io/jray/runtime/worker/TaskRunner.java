package io.jray.runtime.worker;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.jray.api.ActorDiedException;
import io.jray.api.TaskTimeoutException;
import io.jray.api.UnknownFunctionException;
import io.jray.runtime.control.Keys;
import io.jray.runtime.control.Outcome;
import io.jray.runtime.core.ArgumentResolver;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.TaskContext;
import io.jray.runtime.core.TaskEvents;
import io.jray.runtime.core.TaskObservations;
import io.jray.runtime.core.TaskSpec;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.function.RegisteredFunction;
import io.jray.runtime.logs.TaskLogCapture;
import io.jray.runtime.node.FunctionDirectory;
import io.jray.runtime.store.LargeObjects;

/**
 * Runs one delivered task, actor creation or actor call on a virtual thread: resolves its
 * arguments (references become values), calls the bean itself (never its proxy) or the actor,
 * encodes the result and reports the outcome. Exceptions fail the task, or retry it when its
 * options say so; a failed dependency fails it with the dependency's own error.
 */
final class TaskRunner {

    private final FunctionRegistry functions;
    private final Outcomes outcomes;
    private final ArgumentResolver arguments;
    private final OutcomeReporter reporter;
    private final ResourcePool pool;
    private final String node;
    private final ExecutorService threads;
    private final ScheduledExecutorService timer;
    private final ActorHost actors;
    private final TaskLogCapture logs;
    private volatile TaskEvents events = TaskEvents.NONE;
    private volatile TaskObservations observations = TaskObservations.NONE;
    /** Tasks running longer than this are reported as running; shorter ones only with their result. */
    static final long STARTED_REPORT_DELAY_MILLIS = 50;

    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final FunctionDirectory functionDirectory;
    /** How long a task this node has no function for waits before it goes back to its queue. */
    private static final long GIVE_BACK_UNKNOWN_MILLIS = 100;

    /** A task running here, and whether it has been reported as started. */
    private record Running(Thread thread, Delivery delivery, long startedAt, AtomicBoolean reported) {
    }

    TaskRunner(FunctionRegistry functions, FunctionDirectory functionDirectory, LargeObjects objects,
            ArgumentResolver arguments, OutcomeReporter reporter, ResourcePool pool, String node, ExecutorService threads,
            ScheduledExecutorService timer, ActorHost actors, TaskLogCapture logs) {
        this.logs = logs;
        this.functionDirectory = functionDirectory;
        this.outcomes = new Outcomes(objects, node);
        this.actors = actors;
        this.functions = functions;
        this.arguments = arguments;
        this.reporter = reporter;
        this.pool = pool;
        this.node = node;
        this.threads = threads;
        this.timer = timer;
    }

    /**
     * Runs the work on a virtual thread; {@code done} runs after its outcome is reported, except
     * for an actor created here, which keeps its resources and runs {@code done} when it stops.
     */
    void run(Delivery delivery, Runnable done) {
        threads.execute(() -> runHere(delivery, done));
    }

    /** Runs the work in this thread, which must be a virtual thread of this worker; as {@link #run}. */
    void runHere(Delivery delivery, Runnable done) {
        boolean[] handedOver = new boolean[1];
        HostedActor[] created = new HostedActor[1];
        try {
            reporter.report(executeLogged(delivery, done, handedOver, created));
            if (created[0] != null) {
                // why: its calls' answers count only once Redis records it as hosted here, in this epoch
                HostedActor actor = created[0];
                reporter.barrier().thenRun(() -> actors.serve(actor));
            }
        }
        finally {
            if (!handedOver[0]) {
                done.run();
            }
        }
    }

    /**
     * Gives back a call read for an actor that no longer lives here: it goes back to the actor's
     * stream, for the instance that hosts it now (epoch 0 matches no host).
     */
    void giveBack(Delivery d) {
        reporter.report(new Outcome(d.task(), d.attempt(), d.queue(), d.entryId(), Outcome.Kind.GIVEN_BACK, null, 0,
                0));
    }

    /** Runs {@code work} on a new virtual thread of this worker. */
    void spawn(Runnable work) {
        threads.execute(work);
    }

    /** Interrupts the task if it runs here; returns whether it did. */
    boolean interrupt(String taskId) {
        Running task = running.get(taskId);
        if (task != null) {
            task.thread().interrupt();
            return true;
        }
        return false;
    }

    /** Interrupts the calls of an actor running here. */
    void interruptActor(ObjectId actor) {
        String queue = Keys.actorQueue(actor.id());
        running.forEach((task, run) -> {
            if (run.delivery().queue().equals(queue) && run.delivery().task().job().equals(actor.job())) {
                run.thread().interrupt();
            }
        });
    }

    void interruptJobsNotIn(Set<String> active) {
        running.forEach((task, run) -> {
            if (!active.contains(ObjectId.parse(task).job())) {
                run.thread().interrupt();
            }
        });
    }

    /**
     * Reports the tasks that have run longer than {@link #STARTED_REPORT_DELAY_MILLIS} as running;
     * called periodically, so a short task costs no report and no timer of its own.
     */
    void reportLongRunning() {
        long threshold = System.currentTimeMillis() - STARTED_REPORT_DELAY_MILLIS;
        for (Running task : running.values()) {
            if (task.startedAt() <= threshold && task.reported().compareAndSet(false, true)) {
                reporter.report(Outcomes.of(task.delivery(), Outcome.Kind.STARTED, null, task.startedAt()));
            }
        }
    }

    int runningCount() {
        return running.size();
    }

    /** Runs the work as {@link #execute} does, keeping what it prints and logs with its outcome. */
    private Outcome executeLogged(Delivery d, Runnable done, boolean[] handedOver, HostedActor[] created) {
        TaskLogCapture.Session log = logs.begin(d.task().toString());
        Outcome outcome;
        byte[] lines;
        try {
            outcome = execute(d, done, handedOver, created);
        }
        finally {
            lines = log.end(d.attempt(), node);
        }
        return lines.length == 0 || outcome.kind() == Outcome.Kind.GIVEN_BACK ? outcome : outcome.withLog(lines);
    }

    private Outcome execute(Delivery d, Runnable done, boolean[] handedOver, HostedActor[] created) {
        long startedAt = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        String key = d.task().toString();
        running.put(key, new Running(Thread.currentThread(), d, startedAt, new AtomicBoolean()));
        TaskSpec spec = null;
        try {
            spec = TaskSpec.decode(d.spec());
            if (spec.kind() == TaskSpec.Kind.TASK && functions.find(spec.function()) == null
                    && functionDirectory.servedElsewhere(spec.function(), spec.demand())) {
                // why: another live node has the function; a pause keeps this node from taking it straight back
                Thread.sleep(GIVE_BACK_UNKNOWN_MILLIS);
                return Outcomes.of(d, Outcome.Kind.GIVEN_BACK, null, startedAt);
            }
            Object result = switch (spec.kind()) {
                case TASK -> invoke(task(spec), null, resolveArguments(spec), spec, d.demand().cpus());
                case ACTOR_CALL -> invoke(actorMethod(spec), hosting(spec), resolveArguments(spec), spec, 0);
                case ACTOR_CREATION -> {
                    created[0] = actors.create(spec, resolveArguments(spec), done, d.epoch());
                    handedOver[0] = true;
                    yield null;
                }
            };
            Outcome outcome = outcomes.finished(d, result, spec, startedAt);
            if (spec.kind() != TaskSpec.Kind.ACTOR_CREATION) {
                events.finished(spec.function(), System.nanoTime() - startNanos);
            }
            return outcome;
        }
        catch (Throwable t) {
            if (t instanceof VirtualMachineError error) {
                throw error;
            }
            if (spec != null && spec.kind() != TaskSpec.Kind.ACTOR_CREATION) {
                events.failed(spec.function(), System.nanoTime() - startNanos);
            }
            return outcomes.failed(d, spec, t, startedAt);
        }
        finally {
            running.remove(key);
            Thread.interrupted();
        }
    }

    /** Where to tell about the tasks run here. */
    void tellEvents(TaskEvents events) {
        this.events = events;
    }

    /** Where runs are observed, for traces. */
    void observeWith(TaskObservations observations) {
        this.observations = observations;
    }

    private RegisteredFunction task(TaskSpec spec) {
        RegisteredFunction function = functions.find(spec.function());
        if (function == null) {
            throw new UnknownFunctionException("node " + node + " has no remote function " + spec.function()
                    + ": no @RemoteTask bean of its application has it (are all nodes running the same version "
                    + "of the application?)");
        }
        return function;
    }

    private RegisteredFunction actorMethod(TaskSpec spec) {
        RegisteredFunction function = functions.findActorMethod(spec.function());
        if (function == null) {
            throw new UnknownFunctionException("node " + node + " has no actor method " + spec.function()
                    + " (are all nodes running the same version of the application?)");
        }
        return function;
    }

    private Object hosting(TaskSpec spec) {
        HostedActor actor = actors.get(spec.actor());
        if (actor == null) {
            throw new ActorDiedException("actor " + spec.actor() + " no longer lives on node " + node);
        }
        return actor.instance();
    }

    private Object[] resolveArguments(TaskSpec spec) {
        return arguments.resolve(spec.args());
    }

    /** Calls the function on the bean (target {@code null}) or on the given actor instance. */
    private Object invoke(RegisteredFunction function, Object target, Object[] args, TaskSpec spec, double cpus)
            throws Exception {
        TaskContext context = new TaskContext(spec.taskId(), new TaskContext.BlockingHook() {
            @Override
            public boolean beforeBlocking() {
                if (cpus <= 0) {
                    return false;
                }
                pool.releaseCpu(cpus);
                return true;
            }

            @Override
            public void afterBlocking() {
                pool.reacquireCpu(cpus);
            }
        });
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread thread = Thread.currentThread();
        ScheduledFuture<?> deadline = spec.timeoutMillis() <= 0 ? null : timer.schedule(() -> {
            timedOut.set(true);
            thread.interrupt();
        }, spec.timeoutMillis(), TimeUnit.MILLISECONDS);
        try {
            Object result = observations.run(spec,
                    () -> context.call(() -> target == null ? function.invoke(args) : function.invokeOn(target, args)));
            if (timedOut.get()) {
                throw timeout(function, spec);
            }
            return result;
        }
        catch (Exception e) {
            throw timedOut.get() ? timeout(function, spec) : e;
        }
        finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    private static TaskTimeoutException timeout(RegisteredFunction function, TaskSpec spec) {
        return new TaskTimeoutException(function.displayName() + " ran longer than its timeout of "
                + spec.timeoutMillis() + " ms and was interrupted");
    }
}
