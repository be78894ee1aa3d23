package io.jray.runtime.task;

import java.util.Map;

import io.jray.api.ActorCreationException;
import io.jray.api.ActorDiedException;
import io.jray.api.JRayException;
import io.jray.api.NodeDiedException;
import io.jray.api.RemoteTaskException;
import io.jray.api.TaskCancelledException;
import io.jray.api.TaskFailedException;
import io.jray.api.TaskInfeasibleException;
import io.jray.api.TaskTimeoutException;
import io.jray.api.UnknownFunctionException;
import io.jray.runtime.function.FunctionId;
import io.jray.runtime.serialization.RemoteError;

/**
 * What {@code get()} throws for an object whose task failed: the API exception the remote error's
 * type maps to in one table, or a plain {@link TaskFailedException} for any exception the user's
 * code threw. The remote type, message and stack trace travel as the cause.
 */
final class RemoteFailures {

    /** An API exception for a failure, from what was asked for and what failed. */
    @FunctionalInterface
    private interface Mapping {
        JRayException of(Failure failure);
    }

    /**
     * One failure as the caller meets it.
     *
     * @param error the remote error
     * @param ref the object asked for
     * @param message the message for a task failure, naming the task (or its dependency), node and cause
     * @param failedTask the task that threw: the one asked for or a dependency
     */
    private record Failure(RemoteError error, ObjectRefImpl<?> ref, String message, String failedTask) {

        RemoteTaskException remote() {
            return error.toException();
        }
    }

    private static final Map<String, Mapping> BY_REMOTE_TYPE = Map.of(
            ActorDiedException.class.getName(),
            f -> new ActorDiedException(f.error().message() + " (call " + f.ref() + ")"),
            ActorCreationException.class.getName(),
            f -> new ActorCreationException(f.error().message() + " (call " + f.ref() + ")",
                    f.error().cause() == null ? null : f.error().cause().toException()),
            TaskTimeoutException.class.getName(),
            f -> new TaskTimeoutException(f.message(), f.ref().id(), f.failedTask(), f.remote()),
            NodeDiedException.class.getName(),
            f -> new NodeDiedException(f.message(), f.ref().id(), f.failedTask(), f.remote()),
            UnknownFunctionException.class.getName(),
            f -> new UnknownFunctionException(f.message(), f.ref().id(), f.failedTask(), f.remote()));

    private RemoteFailures() {
    }

    /** The exception for {@code ref}, whose task (or a dependency of it) failed with {@code error}. */
    static JRayException of(ObjectRefImpl<?> ref, RemoteError error) {
        String failedTask = error.taskId() == null ? ref.id() : error.taskId();
        String what = (ref.description() == null ? "" : ref.description() + " ") + "[" + ref.id() + "]";
        String where = error.node() == null ? "" : " on node " + error.node();
        String cause = error.type() + (error.message() == null ? "" : ": " + error.message());
        String message = failedTask.equals(ref.id()) ? "Task " + what + " failed" + where + ": " + cause
                : "Task " + what + " failed because its dependency "
                        + (error.function() == null ? "" : FunctionId.shortName(error.function()) + " ")
                        + "[" + failedTask + "] failed" + where + ": " + cause;
        Failure failure = new Failure(error, ref, message, failedTask);
        Mapping mapping = BY_REMOTE_TYPE.get(error.type());
        return mapping != null ? mapping.of(failure)
                : new TaskFailedException(message, ref.id(), failedTask, failure.remote());
    }

    /** A cancelled task's exception: a TaskInfeasibleException when no node could run it, else a TaskCancelledException. */
    static JRayException cancelled(ObjectRefImpl<?> ref, byte[] error) {
        RemoteError why = null;
        if (error != null && error.length > 0) {
            try {
                why = RemoteError.decode(error);
            }
            catch (RuntimeException e) {
                // why: an unreadable reason still cancels; the message just goes without it
            }
        }
        if (why != null && TaskInfeasibleException.class.getName().equals(why.type())) {
            return new TaskInfeasibleException(why.message() + " (" + ref + ")");
        }
        return new TaskCancelledException("the task making " + ref + " was cancelled"
                + (why == null ? "" : ": " + why.message()));
    }
}
