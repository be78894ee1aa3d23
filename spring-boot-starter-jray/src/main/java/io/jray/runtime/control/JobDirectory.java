package io.jray.runtime.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The active jobs and the queue shapes each uses, as last read from Redis. Refreshed when an
 * inbox message says they changed, and periodically in case a message was missed.
 */
public final class JobDirectory {

    private final ControlPlane control;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Set<String>> jobs = Map.of();

    public JobDirectory(ControlPlane control) {
        this.control = control;
    }

    /** Job id to the shapes of its queues. */
    public Map<String, Set<String>> jobs() {
        return jobs;
    }

    /**
     * Reads the jobs and their shapes (two round trips) and tells listeners when they changed.
     * Refreshes run one at a time, so the directory never goes back to an older state.
     */
    public synchronized void refresh() throws Exception {
        Keys keys = control.keys();
        Set<String> ids = control.redis().text().smembers(keys.jobs()).get(30, TimeUnit.SECONDS);
        List<String> order = new ArrayList<>(ids);
        List<CompletableFuture<Set<String>>> shapes = new ArrayList<>();
        for (String job : order) {
            shapes.add(control.redis().text().smembers(keys.shapes(job)).toCompletableFuture());
        }
        Map<String, Set<String>> next = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            next.put(order.get(i), new HashSet<>(shapes.get(i).get(30, TimeUnit.SECONDS)));
        }
        if (!next.equals(jobs)) {
            jobs = Map.copyOf(next);
            listeners.forEach(Runnable::run);
        }
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
