package io.jray.bench.tasks;

import io.jray.api.RemoteActor;

/**
 * The actor of the benchmark: counts its calls and does nothing else, so only the runtime is
 * measured; the count lets a caller check that no call was lost, repeated or reordered.
 */
@RemoteActor
public class BenchActor {

    private int calls;

    public int increment() {
        return ++calls;
    }

    /** The process id of the JVM the actor lives in; not counted as a call. */
    public long pid() {
        return ProcessHandle.current().pid();
    }
}
