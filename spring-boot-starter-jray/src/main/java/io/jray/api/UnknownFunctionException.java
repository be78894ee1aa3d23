package io.jray.api;

/**
 * A task named a function that the node running it does not have: no {@link RemoteTask} bean with
 * that method exists in its application (usually version skew between nodes).
 * {@code get()} throws it, a {@link TaskFailedException} whose {@linkplain #getCause() cause} carries
 * the remote message and stack trace; a dependent task fails with it too.
 */
public class UnknownFunctionException extends TaskFailedException {

    /** Where the runtime raises it, before any caller is known. */
    public UnknownFunctionException(String message) {
        super(message, null, null, null);
    }

    /** As {@code get()} throws it: for the task asked for, which failed itself or through a dependency. */
    public UnknownFunctionException(String message, String taskId, String failedTaskId, RemoteTaskException cause) {
        super(message, taskId, failedTaskId, cause);
    }
}
