package io.jray.runtime.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.Batcher;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Outcome;
import io.jray.runtime.control.RedisErrors;
import io.jray.runtime.control.Refusal;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.node.ClusterHealth;

/**
 * Reports what this node did with tasks, in batches of one script call per job. A "started"
 * report is dropped when the task's end is in the same batch. A batch Redis does not take is sent
 * again until it is taken: a result is never lost while this node lives.
 */
final class OutcomeReporter implements AutoCloseable {

    private static final Log log = LogFactory.getLog(OutcomeReporter.class);

    private final ControlPlane control;
    private final String node;
    private final ClusterHealth health;
    private final HeldEntries held;
    private final Batcher<Outcome> batcher;
    private volatile boolean closing;
    private final Duration logRetention;
    /** After how many refusals in a row a batch's outcomes are reported at WARN. */
    private static final int REFUSED_WARN_AT = 5;

    OutcomeReporter(ControlPlane control, String node, ClusterHealth health, int maxBatch, HeldEntries held,
            Duration logRetention) {
        this.control = control;
        this.logRetention = logRetention;
        this.held = held;
        this.node = node;
        this.health = health;
        this.batcher = new Batcher<>("jray-complete", 100_000, maxBatch, this::flush);
    }

    void report(Outcome outcome) {
        try {
            batcher.add(outcome);
        }
        catch (IllegalStateException e) {
            // why: the node is leaving; its unreported tasks are taken back and run elsewhere
            log.debug("Not reporting " + outcome.kind() + " of " + outcome.task() + ": " + e.getMessage());
        }
    }

    /** Completes once every outcome reported before has been recorded in Redis. */
    CompletableFuture<Void> barrier() {
        return batcher.barrier();
    }

    private CompletableFuture<?> flush(List<Outcome> batch) {
        Set<ObjectId> ended = new HashSet<>();
        for (Outcome o : batch) {
            if (o.kind() != Outcome.Kind.STARTED) {
                ended.add(o.task());
            }
        }
        Map<String, List<Outcome>> byJob = new LinkedHashMap<>();
        for (Outcome o : batch) {
            if (o.kind() != Outcome.Kind.STARTED || !ended.contains(o.task())) {
                byJob.computeIfAbsent(o.task().job(), job -> new ArrayList<>()).add(o);
            }
        }
        return send(byJob, 1);
    }

    /**
     * Sends the outcomes; on failure sends them all again later (recording an outcome twice is
     * harmless). Outcomes Redis refuses for want of memory are sent again; any other refused outcome
     * (its record is broken) is dropped with a WARN naming its task.
     */
    private CompletableFuture<Void> send(Map<String, List<Outcome>> byJob, int attempt) {
        Map<String, CompletableFuture<List<Refusal>>> calls = new LinkedHashMap<>();
        byJob.forEach((job, outcomes) -> calls.put(job, control.complete(job, node, outcomes, logRetention)));
        return CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).handle((ok, error) -> {
            if (error == null) {
                Map<String, List<Outcome>> again = new LinkedHashMap<>();
                String outOfMemory = null;
                for (Map.Entry<String, List<Outcome>> job : byJob.entrySet()) {
                    String refused = settled(job.getKey(), job.getValue(), calls.get(job.getKey()).join(), again);
                    outOfMemory = refused == null ? outOfMemory : refused;
                }
                return again.isEmpty() ? CompletableFuture.<Void>completedFuture(null)
                        : later(again, attempt, outOfMemory);
            }
            health.onFailure(error);
            if (closing && attempt >= 3) {
                log.warn("Could not report task outcomes before shutdown; their tasks run again elsewhere: " + error);
                return CompletableFuture.<Void>completedFuture(null);
            }
            log.debug("Reporting outcomes failed (attempt " + attempt + "), retrying", error);
            return later(byJob, attempt, refusal(error));
        }).thenCompose(next -> next);
    }

    /**
     * Lets go of the entries of recorded outcomes and gathers, in {@code again}, the ones to send
     * again; returns Redis's out-of-memory answer, {@code null} when there was none.
     */
    private String settled(String job, List<Outcome> outcomes, List<Refusal> refused, Map<String, List<Outcome>> again) {
        String outOfMemory = null;
        Map<String, Refusal> byTask = new HashMap<>();
        refused.forEach(r -> byTask.put(r.id(), r));
        for (Outcome o : outcomes) {
            Refusal r = byTask.get(o.task().id());
            if (r != null && r.outOfMemory()) {
                outOfMemory = r.error();
                again.computeIfAbsent(job, j -> new ArrayList<>()).add(o);
                continue;
            }
            if (r != null) {
                log.warn("Redis refused the " + o.kind() + " outcome of task " + o.task() + " (record "
                        + control.keys().job(job) + "o:" + o.task().id() + "): " + r.error() + ". It is dropped");
            }
            if (o.kind() != Outcome.Kind.STARTED) {
                held.release(control.keys().job(job) + o.queue(), o.entryId());
            }
        }
        return outOfMemory;
    }

    /** Sends the outcomes again after a pause that grows to 2 s, warning once when Redis keeps refusing them. */
    private CompletableFuture<Void> later(Map<String, List<Outcome>> byJob, int attempt, String refused) {
        if (refused != null && attempt == REFUSED_WARN_AT) {
            Outcome first = byJob.values().iterator().next().getFirst();
            log.warn("Redis refuses the outcomes of " + byJob.values().stream().mapToInt(List::size).sum()
                    + " task(s) of job(s) " + byJob.keySet() + " (first: task " + first.task() + ", "
                    + first.kind() + "), " + attempt + " times so far: " + refused + ". They are kept and sent "
                    + "again every 2 s until Redis takes them");
        }
        Executor pause = CompletableFuture.delayedExecutor(Math.min(2000, 100L * attempt), TimeUnit.MILLISECONDS);
        return CompletableFuture.runAsync(() -> { }, pause).thenCompose(ignored -> send(byJob, attempt + 1));
    }

    /**
     * The reason when Redis refused the call itself (out of memory, a key of the wrong type, a script
     * error), which sending it again does not mend by itself; {@code null} for a lost connection or a
     * timeout.
     */
    private static String refusal(Throwable error) {
        return RedisErrors.refusal(error);
    }

    @Override
    public void close() {
        closing = true;
        batcher.close();
    }
}
