package io.jray.bench;

/**
 * A system with actors, its cluster already running: the benchmark's JVM is the driver, whose
 * threads call actors that live on the worker JVMs.
 */
public interface ActorContender extends Cluster {

    /**
     * Creates an actor on worker JVM {@code index % workerJvms + 1} (never on the driver), waits
     * until it answers, checks where it lives, and returns a caller bound to it alone.
     */
    ActorCaller actor(int index) throws Exception;
}
