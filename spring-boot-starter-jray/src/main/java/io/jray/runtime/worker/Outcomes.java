package io.jray.runtime.worker;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.jray.api.ActorCreationException;
import io.jray.api.ActorDiedException;
import io.jray.api.TaskFailedException;
import io.jray.runtime.control.Outcome;
import io.jray.runtime.core.TaskSpec;
import io.jray.runtime.function.FunctionId;
import io.jray.runtime.serialization.RemoteError;
import io.jray.runtime.store.LargeObjects;

/**
 * What a node reports of an attempt it ran: a finished task's value (inline, or stored in this
 * node's object store), or its error, which says whether the task is retried.
 */
final class Outcomes {

    private final LargeObjects objects;
    private final String node;

    Outcomes(LargeObjects objects, String node) {
        this.objects = objects;
        this.node = node;
    }

    /** The outcome of a finished task: its value inline, or stored in this node's object store. */
    Outcome finished(Delivery d, Object result, TaskSpec spec, long startedAt) {
        String what = "the result of " + FunctionId.shortName(spec.function());
        return switch (objects.place(d::task, result, what)) {
            case LargeObjects.Placement.Inline inline -> of(d, Outcome.Kind.FINISHED, inline.bytes(), startedAt);
            case LargeObjects.Placement.Stored stored -> of(d, Outcome.Kind.FINISHED_LARGE,
                    Long.toString(stored.size()).getBytes(StandardCharsets.US_ASCII), startedAt);
        };
    }

    Outcome failed(Delivery d, TaskSpec spec, Throwable t, long startedAt) {
        String function = spec == null ? null : spec.function();
        RemoteError error;
        if (t instanceof TaskFailedException dependency && dependency.getCause() != null) {
            // why: a task whose argument failed fails with that argument's own error, as it would in Redis
            error = RemoteError.of(dependency.getCause(), dependency.failedTaskId(), null, node);
        }
        else if (spec != null && spec.kind() == TaskSpec.Kind.ACTOR_CREATION && !(t instanceof ActorCreationException)
                && !(t instanceof ActorDiedException)) {
            error = RemoteError.of(new ActorCreationException("actor " + spec.actor() + " could not be created on node "
                    + node + ": " + t, t), d.task().toString(), function, node);
        }
        else {
            error = RemoteError.of(t, d.task().toString(), function, node);
        }
        boolean retry = spec != null && spec.retryExceptions() && d.attempt() <= spec.maxRetries()
                && retries(spec.retryOn(), t);
        return of(d, retry ? Outcome.Kind.RETRY : Outcome.Kind.FAILED, error.encode(), startedAt);
    }

    private static boolean retries(List<String> retryOn, Throwable t) {
        if (retryOn.isEmpty()) {
            return true;
        }
        for (Class<?> k = t.getClass(); k != null; k = k.getSuperclass()) {
            if (retryOn.contains(k.getName())) {
                return true;
            }
        }
        return false;
    }

    static Outcome of(Delivery d, Outcome.Kind kind, byte[] payload, long startedAt) {
        return new Outcome(d.task(), d.attempt(), d.queue(), d.entryId(), kind, payload, startedAt, d.epoch());
    }
}
