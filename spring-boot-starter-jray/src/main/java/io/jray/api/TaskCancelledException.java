package io.jray.api;

/** Thrown by {@code get()} when the task that makes a value was cancelled with {@link JRay#cancel}. */
public class TaskCancelledException extends JRayException {

    public TaskCancelledException(String message) {
        super(message);
    }
}
