package io.jray.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.DeadNodeReaper;
import io.jray.runtime.node.NodeRegistry;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.task.InfeasibleWork;
import io.jray.runtime.task.ObjectReleaser;
import io.jray.runtime.task.ObjectResolver;

/**
 * The periodic work of a node, on its timer threads: the heartbeat, reaping dead nodes,
 * refreshing the job directory, sweeping object folders and copies of freed objects, failing
 * tasks that stayed infeasible, sending released objects, and looking up refs whose notification
 * may have been lost. A chore that fails is logged at DEBUG and runs again at its next turn.
 */
final class NodeChores {

    private static final Log log = LogFactory.getLog(NodeChores.class);
    /** How long a new object copy may stay unregistered in Redis before the sweep takes it for unused. */
    private static final Duration FREED_COPY_GRACE = Duration.ofSeconds(10);
    /** How often refs pending since the last time are looked up again, in case their notification was lost. */
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(10);
    /** How often released objects are sent to Redis, in one batch. */
    private static final long RELEASE_EVERY_MILLIS = 100;

    /**
     * The parts the chores use.
     *
     * @param registry the node's registration, refreshed by the heartbeat
     * @param reaper finds dead nodes and hands back their work
     * @param directory the active jobs
     * @param objects the node's large objects
     * @param health whether Redis answers, and since when
     * @param infeasible tasks no live node can run
     * @param releaser objects the node let go of
     * @param resolver refs the node waits for
     */
    record Parts(NodeRegistry registry, DeadNodeReaper reaper, JobDirectory directory, LargeObjects objects,
            ClusterHealth health, InfeasibleWork infeasible, ObjectReleaser releaser, ObjectResolver resolver) {
    }

    private final ScheduledExecutorService timers;
    private final Parts parts;
    private final Duration beat;
    private final Duration heartbeatTimeout;

    NodeChores(ScheduledExecutorService timers, Parts parts, Duration beat, Duration heartbeatTimeout) {
        this.timers = timers;
        this.parts = parts;
        this.beat = beat;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    void start() {
        every(beat.toMillis(), beat.toMillis(), parts.registry()::beat);
        every(beat.toMillis(), beat.toMillis(), () -> quietly("checking for dead nodes", parts.reaper()::check));
        every(5_000, 5_000, this::refreshDirectory);
        every(1_000, 5_000, () -> quietly("sweeping the object store", this::sweepObjects));
        every(500, 500, parts.infeasible()::check);
        every(RELEASE_EVERY_MILLIS, RELEASE_EVERY_MILLIS, parts.releaser()::flush);
        every(RECONCILE_EVERY.toMillis(), RECONCILE_EVERY.toMillis(),
                () -> parts.resolver().reconcile(parts.health().steadyFor(heartbeatTimeout)));
    }

    /** Reads the active jobs again (also when the inbox says they changed). */
    void refreshDirectory() {
        quietly("refreshing the job directory", parts.directory()::refresh);
    }

    /** Stops every chore, waiting up to 5 s for those running to end. */
    void stop() {
        timers.shutdownNow();
        try {
            timers.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the object folders that nodes on this host left behind, and copies of freed objects. */
    private void sweepObjects() throws Exception {
        parts.objects().sweepDeadFolders(parts.health().steadyFor(heartbeatTimeout));
        parts.objects().sweepFreed(FREED_COPY_GRACE);
        parts.objects().store().dropIdleRecycled(FREED_COPY_GRACE);
    }

    private void every(long firstMillis, long everyMillis, Runnable chore) {
        timers.scheduleWithFixedDelay(chore, firstMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private static void quietly(String what, Chore chore) {
        try {
            chore.run();
        }
        catch (Exception e) {
            log.debug(what + " failed", e);
        }
    }

    /** A chore that may throw. */
    @FunctionalInterface
    private interface Chore {
        void run() throws Exception;
    }
}
