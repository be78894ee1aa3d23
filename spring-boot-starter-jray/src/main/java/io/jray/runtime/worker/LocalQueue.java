package io.jray.runtime.worker;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.jray.runtime.control.Outcome;
import io.jray.runtime.core.ObjectId;

/**
 * The tasks this node has read but not started. They start in order as resources free up; those
 * that wait too long, or are cancelled, are given back to their queue.
 */
final class LocalQueue {

    private final ResourcePool pool;
    private final TaskRunner runner;
    private final OutcomeReporter reporter;
    private final PrefetchPolicy prefetch;
    private final long giveBackNanos;
    private final Deque<Delivery> waiting = new ArrayDeque<>();
    /** Tasks cancelled lately, in case one is being read while its cancellation arrives. */
    private final Map<ObjectId, Boolean> cancelled = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Boolean> eldest) {
            return size() > 10_000;
        }
    };

    LocalQueue(ResourcePool pool, TaskRunner runner, OutcomeReporter reporter, PrefetchPolicy prefetch,
            Duration giveBackAfter) {
        this.pool = pool;
        this.runner = runner;
        this.reporter = reporter;
        this.prefetch = prefetch;
        this.giveBackNanos = giveBackAfter.toNanos();
    }

    /** Queues a task read from Redis, unless it was cancelled meanwhile. */
    void add(Delivery delivery) {
        synchronized (cancelled) {
            if (!cancelled.isEmpty() && cancelled.containsKey(delivery.task())) {
                giveBack(delivery);
                return;
            }
        }
        synchronized (waiting) {
            waiting.addLast(delivery);
        }
    }

    /** Starts waiting tasks in order, up to the first whose resources are not free. */
    void startReady() {
        List<Delivery> start = new ArrayList<>();
        synchronized (waiting) {
            for (Delivery d = waiting.peekFirst(); d != null && pool.tryAcquire(d.demand()); d = waiting.peekFirst()) {
                start.add(waiting.pollFirst());
            }
        }
        for (Delivery d : start) {
            long began = System.nanoTime();
            runner.run(d, () -> {
                prefetch.record(System.nanoTime() - began);
                pool.release(d.demand());
            });
        }
    }

    /** Gives back the tasks that waited here longer than allowed, for other nodes to take. */
    void giveBackStale() {
        long now = System.nanoTime();
        giveBackIf(d -> now - d.receivedAt() > giveBackNanos);
    }

    /** Drops a cancelled task waiting here, or interrupts it if it runs here. */
    void cancel(ObjectId task) {
        synchronized (cancelled) {
            cancelled.put(task, Boolean.TRUE);
        }
        giveBackIf(d -> d.task().equals(task));
        runner.interrupt(task.toString());
    }

    /** Jobs ended: drops their tasks waiting here and interrupts those running here. */
    void retainJobs(Set<String> active) {
        synchronized (waiting) {
            waiting.removeIf(d -> !active.contains(d.task().job()));
        }
        runner.interruptJobsNotIn(active);
    }

    void giveBackAll() {
        giveBackIf(d -> true);
    }

    int size() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private void giveBackIf(Predicate<Delivery> condition) {
        synchronized (waiting) {
            for (Iterator<Delivery> it = waiting.iterator(); it.hasNext(); ) {
                Delivery d = it.next();
                if (condition.test(d)) {
                    it.remove();
                    giveBack(d);
                }
            }
        }
    }

    private void giveBack(Delivery d) {
        reporter.report(new Outcome(d.task(), d.attempt(), d.queue(), d.entryId(), Outcome.Kind.GIVEN_BACK, null, 0,
                d.epoch()));
    }
}
