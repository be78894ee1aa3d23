package io.jray.runtime.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.jray.api.JRayException;
import io.jray.api.JRayUnavailableException;
import io.jray.api.TaskCancelledException;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.RecordState;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.serialization.RemoteError;

/**
 * Cancels tasks: marks them cancelled in Redis (their waiters and dependents settle at once, a
 * queued task leaves its queue) and, when a node may already hold the task, tells every node so the
 * one running it interrupts it. A cancellation waits for this node's earlier submissions to reach
 * Redis, so it never overtakes the task it cancels.
 */
public final class TaskCanceller {

    private final ControlPlane control;
    private final Inbox inbox;
    private final ClusterHealth health;
    private final String node;
    private final Supplier<CompletableFuture<Void>> submitted;

    /** @param submitted completes once the submissions made so far have reached Redis */
    public TaskCanceller(ControlPlane control, Inbox inbox, ClusterHealth health, String node,
            Supplier<CompletableFuture<Void>> submitted) {
        this.control = control;
        this.inbox = inbox;
        this.health = health;
        this.node = node;
        this.submitted = submitted;
    }

    /** Returns whether the task had not finished yet. */
    public boolean cancel(ObjectId task) {
        byte[] error = RemoteError.of(TaskCancelledException.class, "task " + task + " was cancelled", task.toString(),
                null, node).encode();
        try {
            String before = submitted.get().thenCompose(ok -> control.cancel(task, error))
                    .get(health.bound().toMillis(), TimeUnit.MILLISECONDS);
            if (before.equals(RecordState.QUEUED.code()) || before.equals(RecordState.RUNNING.code())) {
                inbox.broadcast(Inbox.CANCEL, task.toString());
            }
            return RecordState.isUnsettled(before);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JRayException("interrupted while cancelling " + task, e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new JRayUnavailableException("could not cancel " + task + ": Redis at " + health.address()
                    + " did not answer: " + e, e);
        }
    }
}
