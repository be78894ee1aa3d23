package io.jray.runtime.worker;

import java.util.HashMap;
import java.util.Map;

import io.jray.runtime.node.Resources;

/**
 * The resources of this node that running tasks hold. A task blocked in {@code get()} gives back
 * its CPUs and takes them back when it resumes, even if that oversubscribes the node for a while,
 * so nested tasks cannot deadlock a small cluster.
 */
public final class ResourcePool {

    private static final double EPSILON = 1e-9;

    private final Resources total;
    private final Map<String, Double> free = new HashMap<>();
    private volatile Runnable onRelease = () -> { };

    public ResourcePool(Resources total) {
        this.total = total;
        free.putAll(total.amounts());
    }

    public Resources total() {
        return total;
    }

    public synchronized boolean tryAcquire(Resources demand) {
        for (Map.Entry<String, Double> need : demand.amounts().entrySet()) {
            if (free.getOrDefault(need.getKey(), 0.0) + EPSILON < need.getValue()) {
                return false;
            }
        }
        demand.amounts().forEach((name, amount) -> free.merge(name, -amount, Double::sum));
        return true;
    }

    public void release(Resources demand) {
        synchronized (this) {
            demand.amounts().forEach((name, amount) -> free.merge(name, amount, Double::sum));
        }
        onRelease.run();
    }

    /** How many more tasks of this demand fit now (capped at {@code cap}). */
    public synchronized int fits(Resources demand, int cap) {
        int fits = cap;
        for (Map.Entry<String, Double> need : demand.amounts().entrySet()) {
            if (need.getValue() > EPSILON) {
                double available = free.getOrDefault(need.getKey(), 0.0) + EPSILON;
                fits = (int) Math.min(fits, Math.max(0, Math.floor(available / need.getValue())));
            }
        }
        return fits;
    }

    /** Gives back CPUs of a blocked task. */
    public void releaseCpu(double cpus) {
        synchronized (this) {
            free.merge(Resources.CPU, cpus, Double::sum);
        }
        onRelease.run();
    }

    /** Runs after every release, outside the pool's lock: resources may fit more tasks now. */
    public void onRelease(Runnable listener) {
        this.onRelease = listener;
    }

    /** Takes CPUs back for a resumed task, even below zero. */
    public synchronized void reacquireCpu(double cpus) {
        free.merge(Resources.CPU, -cpus, Double::sum);
    }

    /** Free CPUs now (negative while oversubscribed). */
    public synchronized double freeCpus() {
        return free.getOrDefault(Resources.CPU, 0.0);
    }
}
