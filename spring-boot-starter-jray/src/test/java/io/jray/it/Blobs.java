package io.jray.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.RemoteTask;

/** Remote functions that make and read large values, for the object store tests. */
@RemoteTask
public class Blobs {

    /** How often {@link #bytes} ran in this JVM. */
    static final AtomicInteger made = new AtomicInteger();

    /** What {@link #checksumWhenOpen} waits for. */
    static volatile CountDownLatch gate = new CountDownLatch(0);

    private final JRay jray;

    public Blobs(JRay jray) {
        this.jray = jray;
    }

    /** {@code size} bytes, each {@code (i * 31 + seed) & 0xff}. */
    public byte[] bytes(int size, int seed) {
        made.incrementAndGet();
        return pattern(size, seed);
    }

    public double[] doubles(int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = i * 0.5;
        }
        return values;
    }

    public long checksum(byte[] data) {
        return crc(data);
    }

    /** The checksum, once {@link #gate} opens (or after a minute). */
    public long checksumWhenOpen(byte[] data) throws InterruptedException {
        gate.await(60, TimeUnit.SECONDS);
        return crc(data);
    }

    /** Puts a large value on the node that runs it and returns the ref (the node owns the only copy). */
    public ObjectRef<byte[]> putOnThisNode(int size, int seed) {
        return jray.put(pattern(size, seed));
    }

    static byte[] pattern(int size, int seed) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return data;
    }

    static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
