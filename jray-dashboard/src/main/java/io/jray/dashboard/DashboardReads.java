package io.jray.dashboard;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where the dashboard's blocking Redis reads run: a bounded pool of its own, so that slow reads
 * (a Redis that stalls, a history of a million tasks) neither starve the application's own use of
 * Reactor's shared {@code boundedElastic} scheduler nor wait behind it, and so that the threads end
 * with the dashboard's context.
 */
final class DashboardReads implements AutoCloseable {

    /** Threads reading at once; further reads queue. */
    static final int THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private static final int QUEUED = 10_000;
    private static final int IDLE_SECONDS = 60;

    private final Scheduler scheduler = Schedulers.newBoundedElastic(THREADS, QUEUED, "jray-dashboard",
            IDLE_SECONDS, true);

    /** The scheduler to subscribe blocking reads on. */
    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.dispose();
    }
}
