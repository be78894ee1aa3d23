package io.jray.runtime.core;

/**
 * What a node tells about the tasks it submits and runs, for metrics. Called on the task's own
 * path, so implementations must be quick and must not block.
 */
public interface TaskEvents {

    /** Tells nothing. */
    TaskEvents NONE = new TaskEvents() {
    };

    /** A task or actor call of {@code function} (a function id) was submitted here. */
    default void submitted(String function) {
    }

    /** A task or actor call of {@code function} finished here after running {@code nanos}. */
    default void finished(String function, long nanos) {
    }

    /** A task or actor call of {@code function} failed here after running {@code nanos}. */
    default void failed(String function, long nanos) {
    }
}
