package io.jray.runtime.node;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The threads a node's parts share: two timer threads for its periodic chores (heartbeat, reaping,
 * refreshes), which must never block on Redis for long, and virtual threads for work that may
 * (handing back actors, draining, freeing objects).
 *
 * @param timers the node's timer threads, {@code jray-node-<n>}
 * @param virtualThreads a virtual thread per task
 */
public record NodeExecutors(ScheduledExecutorService timers, ExecutorService virtualThreads) {

    /** Two daemon timer threads and an executor of virtual threads. */
    public static NodeExecutors create() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2,
                Thread.ofPlatform().name("jray-node-", 0).daemon().factory());
        timers.setRemoveOnCancelPolicy(true);
        return new NodeExecutors(timers, Executors.newVirtualThreadPerTaskExecutor());
    }
}
