package io.jray.runtime.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jray.runtime.core.Resources;

/**
 * The resources of this node that running tasks hold, kept as an array indexed by resource (the
 * hot path compiles each queue's demand once into a {@link Demand}). A task blocked in
 * {@code get()} gives back its CPUs and takes them back when it resumes, even if that
 * oversubscribes the node for a while, so nested tasks cannot deadlock a small cluster.
 */
final class ResourcePool {

    private static final double EPSILON = 1e-9;

    /**
     * A demand compiled against this pool: the indexes and amounts of the resources it needs.
     *
     * @param resources the demand
     * @param index the pool index of each resource needed
     * @param amount the amount of each
     * @param cpus the CPUs needed
     * @param feasible whether this node has all of them at all
     */
    public record Demand(Resources resources, int[] index, double[] amount, double cpus, boolean feasible) {
    }

    private final Resources total;
    private final List<String> names;
    private final double[] free;
    private final int cpu;
    private volatile Runnable onRelease = () -> { };

    public ResourcePool(Resources total) {
        this.total = total;
        this.names = List.copyOf(total.amounts().keySet());
        this.free = new double[names.size()];
        for (int i = 0; i < free.length; i++) {
            free[i] = total.get(names.get(i));
        }
        this.cpu = names.indexOf(Resources.CPU);
    }

    public Resources total() {
        return total;
    }

    /** Compiles a demand; resources this node lacks make it infeasible. */
    public Demand compile(Resources demand) {
        List<Integer> index = new ArrayList<>();
        List<Double> amount = new ArrayList<>();
        boolean feasible = true;
        for (Map.Entry<String, Double> need : demand.amounts().entrySet()) {
            int i = names.indexOf(need.getKey());
            if (i < 0) {
                feasible &= need.getValue() <= EPSILON;
            }
            else if (need.getValue() > EPSILON) {
                feasible &= need.getValue() <= total.get(need.getKey()) + EPSILON;
                index.add(i);
                amount.add(need.getValue());
            }
        }
        return new Demand(demand, index.stream().mapToInt(Integer::intValue).toArray(),
                amount.stream().mapToDouble(Double::doubleValue).toArray(), demand.get(Resources.CPU), feasible);
    }

    public synchronized boolean tryAcquire(Demand demand) {
        if (!demand.feasible()) {
            return false;
        }
        int[] index = demand.index();
        double[] amount = demand.amount();
        for (int i = 0; i < index.length; i++) {
            if (free[index[i]] + EPSILON < amount[i]) {
                return false;
            }
        }
        for (int i = 0; i < index.length; i++) {
            free[index[i]] -= amount[i];
        }
        return true;
    }

    public void release(Demand demand) {
        synchronized (this) {
            int[] index = demand.index();
            double[] amount = demand.amount();
            for (int i = 0; i < index.length; i++) {
                free[index[i]] += amount[i];
            }
        }
        onRelease.run();
    }

    /** How many more tasks of this demand fit now (capped at {@code cap}). */
    public synchronized int fits(Demand demand, int cap) {
        if (!demand.feasible()) {
            return 0;
        }
        int fits = cap;
        int[] index = demand.index();
        double[] amount = demand.amount();
        for (int i = 0; i < index.length; i++) {
            fits = (int) Math.min(fits, Math.max(0, Math.floor((free[index[i]] + EPSILON) / amount[i])));
        }
        return fits;
    }

    public boolean tryAcquire(Resources demand) {
        return tryAcquire(compile(demand));
    }

    public void release(Resources demand) {
        release(compile(demand));
    }

    public int fits(Resources demand, int cap) {
        return fits(compile(demand), cap);
    }

    /** Gives back CPUs of a blocked task. */
    public void releaseCpu(double cpus) {
        if (cpu >= 0) {
            synchronized (this) {
                free[cpu] += cpus;
            }
        }
        onRelease.run();
    }

    /** Takes CPUs back for a resumed task, even below zero. */
    public synchronized void reacquireCpu(double cpus) {
        if (cpu >= 0) {
            free[cpu] -= cpus;
        }
    }

    /** Free CPUs now (negative while oversubscribed). */
    public synchronized double freeCpus() {
        return cpu < 0 ? 0 : free[cpu];
    }

    /** Runs after every release, outside the pool's lock: resources may fit more tasks now. */
    public void onRelease(Runnable listener) {
        this.onRelease = listener;
    }
}
