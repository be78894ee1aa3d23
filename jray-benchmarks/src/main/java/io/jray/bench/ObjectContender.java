package io.jray.bench;

/**
 * A system with an object store, its cluster already running: the benchmark's JVM is the driver,
 * one worker JVM runs on the same host, another as if on another host. Every method times only
 * the operation it names and checks the value it moved.
 */
public interface ObjectContender extends Cluster {

    /** Where a value read by the driver was made. */
    enum Producer {
        /** A worker JVM on the driver's host. */
        SAME_HOST,
        /** A worker JVM that counts as another host (its own host id), reached over loopback. */
        OTHER_HOST
    }

    /** Puts a value of {@code bytes} bytes from the driver; returns how long the put took. */
    long putNanos(ValueType type, int bytes) throws Exception;

    /**
     * Has {@code producer} make a new value of {@code bytes} bytes, waits until it is ready, then gets
     * it in the driver; returns how long the get took (the first get of that object).
     */
    long getNanos(ValueType type, int bytes, Producer producer) throws Exception;

    /** The tutorial's DAG: two tasks make {@code n x n} matrices, a third multiplies them; returns the time until the product is in the driver. */
    long matrixDagNanos(int n) throws Exception;

    /** The same computation in the driver, without the cluster. */
    long matrixLocalNanos(int n);
}
