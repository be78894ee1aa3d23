package io.jray.bench.tasks;

import io.jray.api.RemoteTask;

/** The jray side of the benchmark: a remote function that does nothing, so only the runtime is measured. */
@RemoteTask
public class BenchTasks {

    public int noop(int i) {
        return i;
    }
}
