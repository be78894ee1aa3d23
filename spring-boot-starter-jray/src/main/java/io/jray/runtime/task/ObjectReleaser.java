package io.jray.runtime.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.store.ObjectStore;

/**
 * Sends the objects this node released (its last ref to them was collected) to Redis, in batches
 * on a timer, apart from submissions so latency-bound calls never wait behind them. Each batch
 * first waits for every submission made before it, so a release never overtakes a task that takes
 * its object. Copies of objects freed so are deleted at once: this node's here, others' on their
 * holders, told through their inboxes. A batch that fails is dropped: its objects are freed when
 * their job ends.
 */
public final class ObjectReleaser {

    private static final Log log = LogFactory.getLog(ObjectReleaser.class);
    private static final int MAX_BATCH = 5000;

    private final ControlPlane control;
    private final TaskSubmitter submitter;
    private final ObjectStore store;
    private final Inbox inbox;
    private final String node;
    private final Executor fileWork;
    private final Queue<ObjectId> released = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inFlight = new AtomicBoolean();

    /** @param fileWork runs the deletion of this node's copies (never on Redis's I/O thread) */
    public ObjectReleaser(ControlPlane control, TaskSubmitter submitter, ObjectResolver resolver, ObjectStore store,
            Inbox inbox, String node, Executor fileWork) {
        this.control = control;
        this.submitter = submitter;
        this.store = store;
        this.inbox = inbox;
        this.node = node;
        this.fileWork = fileWork;
        resolver.releaseTo(released::add);
    }

    /** Sends what was released so far, unless a batch is in flight; call it on a timer. */
    public void flush() {
        if (released.isEmpty() || !inFlight.compareAndSet(false, true)) {
            return;
        }
        Map<String, List<String>> byJob = new LinkedHashMap<>();
        ObjectId id;
        for (int n = 0; n < MAX_BATCH && (id = released.poll()) != null; n++) {
            if (submitter.hasSubmittedTo(id.job())) {
                byJob.computeIfAbsent(id.job(), job -> new ArrayList<>()).add(id.id());
            }
        }
        submitter.submitted().thenCompose(ok -> CompletableFuture.allOf(byJob.entrySet().stream()
                .map(job -> control.objects().release(job.getKey(), job.getValue())
                        .thenAcceptAsync(freed -> deleteCopies(job.getKey(), freed), fileWork))
                .toArray(CompletableFuture[]::new)))
                .whenComplete((ok, error) -> {
                    inFlight.set(false);
                    if (error != null) {
                        log.debug("Could not release " + byJob.values().stream().mapToInt(List::size).sum()
                                + " object(s); they are freed with their job: " + error);
                    }
                });
    }

    /** Deletes this node's copies of freed objects at once, and tells the other holders to. */
    private void deleteCopies(String job, List<String> freed) {
        Map<String, List<String>> byHolder = new LinkedHashMap<>();
        for (String entry : freed) {
            String[] idAndHolders = entry.split(" ");
            for (int i = 1; i < idAndHolders.length; i++) {
                byHolder.computeIfAbsent(idAndHolders[i], holder -> new ArrayList<>()).add(idAndHolders[0]);
            }
        }
        byHolder.forEach((holder, ids) -> {
            if (holder.equals(node)) {
                ids.forEach(id -> store.delete(new ObjectId(job, id)));
            }
            else {
                inbox.send(holder, Inbox.FREE, job + "/" + String.join(",", ids)).exceptionally(e -> null);
            }
        });
    }

    /** How many released objects wait to be sent. */
    public int backlog() {
        return released.size();
    }
}
