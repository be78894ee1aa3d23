package io.jray.worker.it.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.RemoteTask;

/** Remote functions that make large values, for the object store cluster tests. */
@RemoteTask
public class BlobTasks {

    private final JRay jray;

    public BlobTasks(JRay jray) {
        this.jray = jray;
    }

    /** {@code size} bytes of a pattern given by {@code seed}. */
    public byte[] bytes(int size, int seed) {
        return pattern(size, seed);
    }

    /** The process id of the JVM that runs it. */
    public long pid() {
        return ProcessHandle.current().pid();
    }

    /** Puts a large value on the node that runs it and returns the ref: that node holds the only copy. */
    public ObjectRef<byte[]> putHere(int size, int seed) {
        return jray.put(pattern(size, seed));
    }

    /** Puts {@code count} values of {@code size} bytes in a row on this node (seeds 0, 1, ...). */
    public List<ObjectRef<byte[]>> putMany(int count, int size) {
        List<ObjectRef<byte[]>> refs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            refs.add(jray.put(pattern(size, i)));
        }
        return refs;
    }

    public static byte[] pattern(int size, int seed) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return data;
    }

    public static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
