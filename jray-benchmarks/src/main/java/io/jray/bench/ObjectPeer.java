package io.jray.bench;

/** A plain key-value store used to move values, the peer of an object store: set and get from the driver. */
public interface ObjectPeer extends AutoCloseable {

    /** A short name for tables. */
    String name();

    /** How it is set up. */
    String setup();

    /** Stores a {@code byte[]} of {@code bytes} bytes under a key of that size; returns how long it took. */
    long setNanos(int bytes) throws Exception;

    /** Reads back the value last set of {@code bytes} bytes and checks it; returns how long it took. */
    long getNanos(int bytes) throws Exception;

    @Override
    void close();
}
