package io.jray.bench;

/**
 * A task system under test, with its cluster already running: the benchmark's JVM is the driver,
 * and (like every other node) also runs tasks.
 */
public interface Contender extends Cluster {

    /**
     * Submits {@code count} tasks, each returning its index, without waiting; then waits for all
     * of them and checks their values.
     *
     * @return {@link System#nanoTime()} when the last submit call returned
     */
    long submitAllThenGetAll(int count) throws Exception;

    /** Submits one task and waits for its value, which it checks. */
    void call(int i) throws Exception;
}
