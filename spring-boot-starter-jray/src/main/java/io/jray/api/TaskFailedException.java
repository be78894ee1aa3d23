package io.jray.api;

/**
 * Thrown by {@code get()} when the task that makes a value failed, or when one of the tasks it
 * depends on failed. The {@linkplain #getCause() cause} is a {@link RemoteTaskException} with the
 * remote exception's type, message and stack trace. Failures the runtime itself raises have their
 * own subclasses, to catch on their own: {@link TaskTimeoutException}, {@link NodeDiedException},
 * {@link UnknownFunctionException}.
 */
public class TaskFailedException extends JRayException {

    private final String taskId;
    private final String failedTaskId;

    public TaskFailedException(String message, String taskId, String failedTaskId, RemoteTaskException cause) {
        super(message, cause);
        this.taskId = taskId;
        this.failedTaskId = failedTaskId;
    }

    /** The id of the task whose value was asked for. */
    public String taskId() {
        return taskId;
    }

    /** The id of the task that threw: this task, or the dependency that failed first. */
    public String failedTaskId() {
        return failedTaskId;
    }

    /** The fully qualified class name of the exception thrown remotely (this one's own before it travelled). */
    public String remoteType() {
        return getCause() == null ? getClass().getName() : getCause().remoteType();
    }

    @Override
    public synchronized RemoteTaskException getCause() {
        return (RemoteTaskException) super.getCause();
    }
}
