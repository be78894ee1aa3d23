package io.jray.api;

/**
 * A node died while it ran a task, and the task had used up its retries.
 * {@code get()} throws it, a {@link TaskFailedException} whose {@linkplain #getCause() cause} carries
 * the remote message and stack trace; a dependent task fails with it too.
 */
public class NodeDiedException extends TaskFailedException {

    /** Where the runtime raises it, before any caller is known. */
    public NodeDiedException(String message) {
        super(message, null, null, null);
    }

    /** As {@code get()} throws it: for the task asked for, which failed itself or through a dependency. */
    public NodeDiedException(String message, String taskId, String failedTaskId, RemoteTaskException cause) {
        super(message, taskId, failedTaskId, cause);
    }
}
