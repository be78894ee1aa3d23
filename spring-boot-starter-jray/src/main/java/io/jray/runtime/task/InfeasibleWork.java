package io.jray.runtime.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.TaskInfeasibleException;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Keys;
import io.jray.runtime.control.QueueEntryField;
import io.jray.runtime.control.StreamEntry;
import io.jray.runtime.control.TaskRecords;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.Resources;
import io.jray.runtime.node.LiveNodes;
import io.jray.runtime.serialization.RemoteError;

/**
 * Work no node can run: tasks and actors whose resources no live worker offers (a {@code gpu} on a
 * cluster without one, more CPUs than any node has). Each resource shape this node submits to is
 * checked against the live workers on the next check, and on every check while it stays
 * infeasible: an infeasible one is logged once at WARN with the shortfall and listed in
 * {@code ns:infeasible} (for the actuator and the dashboard); it waits, since a node may join, or with {@code jray.task.infeasible-timeout}
 * its queued tasks fail with a message naming the resource once that time has passed.
 */
public final class InfeasibleWork {

    private static final Log log = LogFactory.getLog(InfeasibleWork.class);
    private static final long WAIT_SECONDS = 10;

    /** A shape of one job this node submitted to, and since when it has been infeasible (0: not found so yet). */
    private record Watched(String job, String shape, Resources demand, String what, long infeasibleSince) {
    }

    private final ControlPlane control;
    private final Keys keys;
    private final TaskRecords records;
    private final String node;
    private final Duration timeout;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();

    /** @param timeout how long infeasible tasks wait before they fail; {@code null} to wait for ever */
    public InfeasibleWork(ControlPlane control, String node, Duration timeout) {
        this.control = control;
        this.records = control.records();
        this.keys = control.keys();
        this.node = node;
        this.timeout = timeout;
    }

    /** Watches a shape this node submits to in {@code job} for the first time. */
    public void watch(String job, String shape, Resources demand, String what) {
        watched.putIfAbsent(job + "|" + shape, new Watched(job, shape, demand, what, 0));
    }

    /** Stops watching the shapes of jobs that ended. */
    public void retainJobs(Set<String> active) {
        watched.entrySet().removeIf(entry -> {
            boolean ended = !active.contains(entry.getValue().job());
            if (ended && entry.getValue().infeasibleSince() > 0) {
                records.clearInfeasible(entry.getKey());
            }
            return ended;
        });
    }

    /** Checks the watched shapes against the live workers' resources; called twice a second. */
    public void check() {
        if (watched.isEmpty()) {
            return;
        }
        try {
            Map<String, Resources> workers = LiveNodes.workers(control);
            long now = System.currentTimeMillis();
            for (Map.Entry<String, Watched> entry : watched.entrySet()) {
                Watched w = entry.getValue();
                boolean feasible = workers.values().stream().anyMatch(w.demand()::fitsIn);
                if (feasible) {
                    // why: a shape is checked until it is feasible; after that its tasks are scheduled as usual
                    watched.remove(entry.getKey());
                    if (w.infeasibleSince() > 0) {
                        log.info(w.what() + " asks for " + w.demand() + ", which a live node now offers: it runs");
                        records.clearInfeasible(entry.getKey());
                    }
                }
                else if (w.infeasibleSince() == 0) {
                    String why = w.what() + " asks for " + w.demand() + ", which no live node offers (workers: "
                            + (workers.isEmpty() ? "none" : workers) + ")";
                    log.warn(why + ". It waits until such a node joins" + (timeout == null
                            ? "; set jray.task.infeasible-timeout to fail it instead" : ", at most " + timeout));
                    records.markInfeasible(entry.getKey(), why);
                    entry.setValue(new Watched(w.job(), w.shape(), w.demand(), w.what(), now));
                }
                else if (timeout != null && now - w.infeasibleSince() >= timeout.toMillis()) {
                    failQueued(w, workers);
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            log.debug("Checking for infeasible work failed; trying again in a second", e);
        }
    }

    /** Fails, 100 at a time, the tasks still queued in an infeasible shape. */
    private void failQueued(Watched w, Map<String, Resources> workers) throws Exception {
        List<StreamEntry> entries = control.streams().first(keys.queue(w.job(), w.shape()), 100);
        String message = w.what() + " asks for " + w.demand() + ", which no live node offered within "
                + "jray.task.infeasible-timeout (" + timeout + "; workers: " + (workers.isEmpty() ? "none" : workers)
                + ")";
        List<CompletableFuture<String>> cancels = new ArrayList<>();
        for (StreamEntry entry : entries) {
            String task = entry.text(QueueEntryField.TASK.code());
            if (task != null) {
                ObjectId id = new ObjectId(w.job(), task);
                cancels.add(control.cancel(id, RemoteError.of(TaskInfeasibleException.class, message, id.toString(),
                        null, node).encode()));
            }
        }
        // why: the cancels go out pipelined, one round trip for the lot
        CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (!entries.isEmpty()) {
            log.warn("Failed " + entries.size() + " task(s) of " + w.what() + " in job " + w.job() + ": no live node "
                    + "offers " + w.demand() + " (jray.task.infeasible-timeout " + timeout + ")");
        }
    }
}
