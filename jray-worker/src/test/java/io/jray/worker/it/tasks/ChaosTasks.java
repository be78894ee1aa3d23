package io.jray.worker.it.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.jray.api.RemoteTask;

/**
 * The remote functions of the chaos tests. Each execution leaves an empty file of a unique name in
 * the directory it is given, so the test counts executions outside jray, whatever jray reports.
 */
@RemoteTask
public class ChaosTasks {

    /** The value {@link #work} returns for {@code i}. */
    public static int expected(int i) {
        return i * 2 + 1;
    }

    /** Sleeps 5 ms, records one execution of {@code i} as the file {@code dir/<i>-<uuid>}, returns {@code 2i+1}. */
    public int work(String dir, int i) throws IOException, InterruptedException {
        Thread.sleep(5);
        Files.createFile(Path.of(dir, i + "-" + UUID.randomUUID()));
        return expected(i);
    }

    /** {@code size} bytes of the pattern of {@code seed}, recording the execution as {@code dir/blob<seed>-<uuid>}. */
    public byte[] blob(String dir, int size, int seed) throws IOException {
        Files.createFile(Path.of(dir, "blob" + seed + "-" + UUID.randomUUID()));
        return BlobTasks.pattern(size, seed);
    }

    /**
     * Sleeps {@code millis}, then leaves {@code dir/held-<uuid>} and returns 0; when interrupted
     * (cancelled) it leaves {@code dir/interrupted-<uuid>} at once instead and returns -1.
     */
    public int hold(String dir, long millis) throws IOException {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Files.createFile(Path.of(dir, "interrupted-" + UUID.randomUUID()));
            Thread.currentThread().interrupt();
            return -1;
        }
        Files.createFile(Path.of(dir, "held-" + UUID.randomUUID()));
        return 0;
    }

    /**
     * Leaves {@code dir/started-<uuid>}, then sleeps {@code millis} and returns 0; when interrupted
     * (its job ended, say) it leaves {@code dir/interrupted-<uuid>} and returns -1.
     */
    public int park(String dir, long millis) throws IOException {
        Files.createFile(Path.of(dir, "started-" + UUID.randomUUID()));
        return hold(dir, millis);
    }

    /** The process id of the JVM that runs it. */
    public long pid() {
        return ProcessHandle.current().pid();
    }
}
