package io.jray.api;

/**
 * A task ran longer than its {@linkplain TaskOptions.Builder#timeout timeout} and was interrupted.
 * {@code get()} throws it, a {@link TaskFailedException} whose {@linkplain #getCause() cause} carries
 * the remote message and stack trace; a dependent task fails with it too.
 */
public class TaskTimeoutException extends TaskFailedException {

    /** Where the runtime raises it, before any caller is known. */
    public TaskTimeoutException(String message) {
        super(message, null, null, null);
    }

    /** As {@code get()} throws it: for the task asked for, which failed itself or through a dependency. */
    public TaskTimeoutException(String message, String taskId, String failedTaskId, RemoteTaskException cause) {
        super(message, taskId, failedTaskId, cause);
    }
}
