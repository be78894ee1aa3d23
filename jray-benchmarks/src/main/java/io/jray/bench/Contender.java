package io.jray.bench;

import java.util.List;

/**
 * A task system under test, with its cluster already running: the benchmark's JVM is the driver,
 * and (like every other node) also runs tasks.
 */
public interface Contender extends AutoCloseable {

    /** A short name for tables, such as {@code jray}. */
    String name();

    /** What runs the tasks: JVMs, threads or slots per JVM, and the like. */
    String setup();

    /** The processes of the cluster other than this JVM and Redis, for CPU accounting. */
    List<ProcessHandle> workerProcesses();

    /**
     * Submits {@code count} tasks, each returning its index, without waiting; then waits for all
     * of them and checks their values.
     *
     * @return {@link System#nanoTime()} when the last submit call returned
     */
    long submitAllThenGetAll(int count) throws Exception;

    /** Submits one task and waits for its value, which it checks. */
    void call(int i) throws Exception;

    /** Stops everything this contender started; safe to call again, also from another thread. */
    @Override
    void close();
}
