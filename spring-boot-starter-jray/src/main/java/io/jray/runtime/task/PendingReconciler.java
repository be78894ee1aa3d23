package io.jray.runtime.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.ObjectState;
import io.jray.runtime.core.ObjectId;

/**
 * Asks Redis again about refs that were pending at the last pass too (so at least a period old),
 * at most {@value #AT_MOST} per pass: a notification lost to a failover, to a Redis restart, or to
 * a stream deleted with its job, then still ends the wait. Skipped while Redis does not answer
 * steadily (the outage ends those waits).
 */
final class PendingReconciler {

    /** How many pending refs one pass looks at. */
    static final int AT_MOST = 10_000;

    private static final Log log = LogFactory.getLog(PendingReconciler.class);

    private final ControlPlane control;
    private final String node;
    private final Map<ObjectId, CompletableFuture<ObjectState>> pending;
    private final BiConsumer<ObjectId, ObjectState> settle;
    /** The pending refs the last pass saw. */
    private volatile Set<ObjectId> lastPending = Set.of();

    PendingReconciler(ControlPlane control, String node, Map<ObjectId, CompletableFuture<ObjectState>> pending,
            BiConsumer<ObjectId, ObjectState> settle) {
        this.control = control;
        this.node = node;
        this.pending = pending;
        this.settle = settle;
    }

    void reconcile(boolean steady) {
        if (!steady) {
            lastPending = Set.of();
            return;
        }
        Set<ObjectId> now = new HashSet<>();
        Map<String, List<ObjectId>> byJob = new LinkedHashMap<>();
        for (ObjectId id : pending.keySet()) {
            if (now.size() >= AT_MOST) {
                break;
            }
            now.add(id);
            if (lastPending.contains(id)) {
                byJob.computeIfAbsent(id.job(), job -> new ArrayList<>()).add(id);
            }
        }
        lastPending = now;
        byJob.forEach((job, ids) -> control.objects().subscribe(job, node, ids.stream().map(ObjectId::id).toList())
                .whenComplete((states, error) -> {
                    if (error != null) {
                        log.debug("Reconciling " + ids.size() + " pending refs of job " + job + " failed: " + error);
                        return;
                    }
                    for (int i = 0; i < ids.size(); i++) {
                        if (states.get(i).isSettled()) {
                            settle.accept(ids.get(i), states.get(i));
                        }
                    }
                }));
    }
}
