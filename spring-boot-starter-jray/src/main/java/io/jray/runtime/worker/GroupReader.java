package io.jray.runtime.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import io.jray.runtime.control.StreamEntry;
import io.jray.runtime.control.StreamReader;
import io.jray.runtime.control.Streams;
import io.jray.runtime.node.ClusterHealth;

/**
 * A reader of streams as this node's consumer of their group, on the control plane's one read loop
 * ({@link StreamReader}). Subclasses say which streams to read and how many entries, and take what
 * arrives; with nothing to read the loop rests until {@link #kick()}. Entries stay pending in the
 * group until acknowledged, so a node that dies loses nothing.
 */
abstract class GroupReader implements StreamReader.Source, AutoCloseable {

    private final StreamReader reader;
    private final Streams streams;

    GroupReader(Streams streams, String name, String node, ClusterHealth health, Duration block,
            Executor blockingWork) {
        this.streams = streams;
        this.reader = streams.groupReader(name, node, block, blockingWork, health::onFailure, this);
    }

    /** The streams of the control plane, for what a reader does besides reading. */
    final Streams streamsOfRedis() {
        return streams;
    }

    /** Takes up again the entries pending on this node that it never received: see {@link StreamReader}. */
    void reclaimOrphans(Duration idle) {
        reader.reclaimOrphans(idle, streams);
    }

    void start() {
        reader.start();
    }

    boolean isRunning() {
        return reader.isRunning();
    }

    /** Issues the next read unless one is in progress. */
    void kick() {
        reader.kick();
    }

    /** Ends the read in progress, if any, so the next one reads the streams of now. */
    void wake() {
        reader.wake();
    }

    /** The streams of the read in progress, or {@code null}. */
    Set<String> reading() {
        return reader.reading();
    }

    @Override
    public abstract List<String> streams();

    @Override
    public abstract void received(List<StreamEntry> entries);

    /** The attempt number of an entry, or -1 when it is missing or no positive number. */
    static int attempt(byte[] attempt) {
        if (attempt == null) {
            return -1;
        }
        try {
            int a = Integer.parseInt(new String(attempt, StandardCharsets.UTF_8));
            return a > 0 ? a : -1;
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Stops reading: ends the read in progress and closes its connection. */
    @Override
    public void close() {
        reader.close();
    }
}
