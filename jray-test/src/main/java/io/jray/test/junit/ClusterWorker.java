package io.jray.test.junit;

import java.nio.file.Path;

/** One worker JVM of a {@link JRayTestCluster}, for tests of what happens when a node goes away. */
public interface ClusterWorker {

    /** The process id of the worker JVM. */
    long pid();

    /** Whether the JVM still runs. */
    boolean isAlive();

    /** Stops the JVM as an operator would (SIGTERM): it drains its running tasks and leaves. */
    void stop();

    /** Kills the JVM at once (SIGKILL), as a crash would: the cluster runs its tasks elsewhere. */
    void kill();

    /** What the JVM printed so far. */
    String output();

    /** The file its output goes to. */
    Path logFile();
}
