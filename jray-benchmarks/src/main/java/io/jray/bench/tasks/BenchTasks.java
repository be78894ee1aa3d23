package io.jray.bench.tasks;

import io.jray.api.RemoteTask;

/**
 * The jray side of the benchmark: remote functions that do nothing, so only the runtime is measured.
 * The task suite calls {@link #noop(int)}; the history suite also the others, so its task history
 * holds several functions and some failures.
 */
@RemoteTask
public class BenchTasks {

    public int noop(int i) {
        return i;
    }

    public int noop2(int i) {
        return i;
    }

    public int noop3(int i) {
        return i;
    }

    /** Fails with a message naming {@code i}: the history suite's failed tasks. */
    public int fail(int i) {
        throw new IllegalStateException("bench failure " + i);
    }
}
