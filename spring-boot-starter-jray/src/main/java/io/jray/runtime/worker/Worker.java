package io.jray.runtime.worker;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Keys;
import io.jray.runtime.core.ArgumentResolver;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.Resources;
import io.jray.runtime.core.TaskEvents;
import io.jray.runtime.core.TaskObservations;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.logs.TaskLogCapture;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.FunctionDirectory;
import io.jray.runtime.store.LargeObjects;

/**
 * The worker side of a node: pulls tasks it has resources for, hosts actors, runs both on virtual
 * threads and reports their outcomes.
 */
public final class Worker implements AutoCloseable {

    /**
     * How a worker reads and runs tasks.
     *
     * @param block how long one blocking read waits
     * @param giveBackAfter how long a task read ahead may wait here before it is given back
     * @param shortTask tasks shorter than this on average are read ahead
     * @param maxPrefetch how many tasks may be read ahead
     * @param maxBatch the most outcomes reported in one script call
     * @param shutdownGrace how long running tasks may finish at shutdown
     * @param logs how what tasks print and log is kept
     */
    public record Settings(Duration block, Duration giveBackAfter, Duration shortTask, int maxPrefetch, int maxBatch,
            Duration shutdownGrace, TaskLogCapture.Settings logs) {
    }

    /** How often, and after how long idle, entries pending here but not held are taken up again. */
    private static final Duration RECLAIM_EVERY = Duration.ofSeconds(5);
    private static final Duration ORPHAN_IDLE = Duration.ofSeconds(10);

    private final ResourcePool pool;
    private final OutcomeReporter reporter;
    private final TaskRunner runner;
    private final TaskDispatcher dispatcher;
    private final ActorHost actors;
    private final ActorDispatcher actorDispatcher;
    private final ExecutorService threads;
    private final ScheduledExecutorService timer;
    private final Settings settings;
    private final HeldEntries held = new HeldEntries();
    private final Keys keys;
    private final TaskLogCapture logs;

    public Worker(ControlPlane control, String node, Resources resources, FunctionRegistry functions,
            FunctionDirectory functionDirectory, LargeObjects objects, ArgumentResolver arguments, JobDirectory directory,
            ClusterHealth health,
            ScheduledExecutorService timer, Settings settings, LongSupplier epoch) {
        this.settings = settings;
        this.timer = timer;
        this.keys = control.keys();
        this.pool = new ResourcePool(resources);
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("jray-task-", 0).factory());
        this.reporter = new OutcomeReporter(control, node, health, settings.maxBatch(), held,
                settings.logs().retention());
        this.actors = new ActorHost(functions, node, epoch);
        this.logs = new TaskLogCapture(settings.logs());
        this.runner = new TaskRunner(functions, functionDirectory, objects, arguments, reporter, pool, node,
                threads, timer, actors, logs);
        this.dispatcher = new TaskDispatcher(control.streams(), control.keys(), node, directory, pool, runner, reporter,
                health, new PrefetchPolicy(settings.shortTask().toNanos(), settings.maxPrefetch()), settings.block(),
                settings.giveBackAfter(), threads, epoch, held);
        this.actorDispatcher = new ActorDispatcher(control.streams(), control.keys(), node, runner, health,
                settings.block(), threads, actors::stop, held);
        actors.connect(actorDispatcher);
    }

    public void start() {
        dispatcher.start();
        actorDispatcher.start();
        timer.scheduleWithFixedDelay(runner::reportLongRunning, TaskRunner.STARTED_REPORT_DELAY_MILLIS,
                TaskRunner.STARTED_REPORT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        // why: blocking round trips; the timer threads must keep beating
        timer.scheduleWithFixedDelay(() -> threads.execute(this::reclaimOrphans), RECLAIM_EVERY.toMillis(),
                RECLAIM_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * This node's registration {@code lapsed} and it joined again as a new epoch: the actors it hosted
     * in that epoch stop here (their answers no longer count), and tasks it read but did not start go
     * back. Returns the actors stopped, which must be restarted or ended in Redis.
     */
    public List<ObjectId> registeredAgain(long lapsed) {
        List<ObjectId> stopped = actors.stopEpochsUpTo(lapsed);
        dispatcher.registeredAgain();
        return stopped;
    }

    /** A task was cancelled: drop it if it waits here, interrupt it if it runs here. */
    public void cancel(ObjectId task) {
        dispatcher.cancel(task);
    }

    /** Takes up entries pending here whose read this node never received (see {@link HeldEntries}). */
    private void reclaimOrphans() {
        dispatcher.reclaimOrphans(ORPHAN_IDLE);
        actorDispatcher.reclaimOrphans(ORPHAN_IDLE);
    }

    /** Jobs ended: their tasks waiting here are dropped, those running here interrupted, their actors stopped. */
    public void retainJobs(Set<String> active) {
        held.retainJobs(keys, active);
        dispatcher.retainJobs(active);
        actors.retainJobs(active);
    }

    /** An actor was killed: stop it if it lives here, and never create it here. */
    public void killActor(ObjectId actor) {
        actors.kill(actor);
        runner.interruptActor(actor);
    }

    /** Where to tell about the tasks run here (for metrics). */
    public void tellEvents(TaskEvents events) {
        runner.tellEvents(events);
    }

    /** Where the runs of tasks are observed (for traces). */
    public void observeWith(TaskObservations observations) {
        runner.observeWith(observations);
    }

    /** Actors living on this node now. */
    public int actors() {
        return actors.size();
    }

    /** Tasks running on this node now. */
    public int running() {
        return runner.runningCount();
    }

    /** CPUs free now (negative while tasks blocked in get() have resumed beyond the limit). */
    public double freeCpus() {
        return pool.freeCpus();
    }

    /**
     * Drains this node: it takes no more tasks (nor actor creations) and gives back those it read
     * but did not start; running tasks finish and actors living here go on serving their calls.
     */
    public void drain() {
        dispatcher.stopTaking();
    }

    /** Stops taking tasks, gives back those not started, lets running ones finish, reports all. */
    @Override
    public void close() {
        actorDispatcher.close();
        dispatcher.closeWithin(settings.shutdownGrace());
        actors.stopAll();
        reporter.close();
        threads.shutdownNow();
        logs.close();
    }
}
