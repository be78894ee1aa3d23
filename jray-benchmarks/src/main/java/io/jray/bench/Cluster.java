package io.jray.bench;

import java.util.List;

/**
 * A running cluster under test: the benchmark's JVM is its driver, and the worker JVMs are child
 * processes that {@link #close()} stops.
 */
public interface Cluster extends AutoCloseable {

    /** A short name for tables, such as {@code jray}. */
    String name();

    /** What runs the work: JVMs, threads or slots per JVM, and the like. */
    String setup();

    /** The processes of the cluster other than this JVM and Redis, for CPU accounting. */
    List<ProcessHandle> workerProcesses();

    /** Stops everything this cluster started; safe to call again, also from another thread. */
    @Override
    void close();
}
