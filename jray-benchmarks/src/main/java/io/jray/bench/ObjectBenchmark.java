package io.jray.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.jray.bench.ObjectContender.Producer;
import io.jray.bench.ObjectResult.Operation;
import io.jray.bench.ObjectResult.Transfer;

/**
 * The object protocol: puts from the driver, gets in the driver of values made by a worker JVM on
 * the same host and by one on a simulated other host, the peer's set and get, a plain copy into a
 * new array in the driver (the machine's reference), then the tutorial's matrix DAG and the same
 * computation done locally. Each transfer runs warm-up runs, then measured
 * runs; a run moves one large value, or enough small ones to move {@value #RUN_MIB} MiB. A full
 * GC precedes every run, so no collection of earlier values falls inside the timed operations.
 */
public final class ObjectBenchmark {

    /** The sizes of the values moved: 1 MiB and 100 MiB. */
    public static final List<Integer> SIZES = List.of(1 << 20, 100 << 20);

    static final int RUN_MIB = 20;
    static final int WARMUP_RUNS = 2;
    static final int WARM_GIB = 4;

    private final Settings settings;

    public ObjectBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Runs the protocol on a started contender and its peer. */
    public ObjectResult run(ObjectContender contender, ObjectPeer peer) throws Exception {
        warmSharedMemory();
        List<Transfer> transfers = new ArrayList<>();
        for (int bytes : SIZES) {
            for (ValueType type : List.of(ValueType.BYTES, ValueType.DOUBLES)) {
                transfers.add(transfer(Operation.PUT, type, bytes, () -> contender.putNanos(type, bytes)));
            }
        }
        for (Producer producer : Producer.values()) {
            Operation get = producer == Producer.SAME_HOST ? Operation.SAME_HOST_GET : Operation.OTHER_HOST_GET;
            for (int bytes : SIZES) {
                for (ValueType type : ValueType.values()) {
                    transfers.add(transfer(get, type, bytes, () -> contender.getNanos(type, bytes, producer)));
                }
            }
        }
        for (int bytes : SIZES) {
            transfers.add(transfer(Operation.PEER_SET, ValueType.BYTES, bytes, () -> peer.setNanos(bytes)));
            transfers.add(transfer(Operation.PEER_GET, ValueType.BYTES, bytes, () -> peer.getNanos(bytes)));
        }
        for (int bytes : SIZES) {
            for (ValueType type : List.of(ValueType.BYTES, ValueType.DOUBLES)) {
                Object value = type == ValueType.BYTES ? new byte[bytes] : new double[bytes / Double.BYTES];
                transfers.add(transfer(Operation.LOCAL_COPY, type, bytes, () -> copyNanos(value)));
            }
        }
        int n = settings.matrixSize();
        List<Long> dag = repeat("matrix DAG", () -> contender.matrixDagNanos(n));
        List<Long> local = repeat("matrix local", () -> contender.matrixLocalNanos(n));
        return new ObjectResult(contender.name(), contender.setup(), peer.name(), peer.setup(), transfers, n, dag,
                local);
    }

    private Transfer transfer(Operation operation, ValueType type, int bytes, TimedOperation timed) throws Exception {
        int perRun = Math.max(1, (RUN_MIB << 20) / bytes);
        List<Long> runs = new ArrayList<>();
        for (int r = -WARMUP_RUNS; r < settings.objectRuns(); r++) {
            System.gc();
            long nanos = 0;
            for (int i = 0; i < perRun; i++) {
                nanos += timed.nanos();
            }
            if (r >= 0) {
                runs.add(nanos);
            }
        }
        Transfer transfer = new Transfer(operation, type, bytes, perRun, runs);
        log(String.format(Locale.ROOT, "%s of %s of %d MiB: %.2f GB/s (median of %d runs of %d values: %s GB/s)",
                operation, type.label(), bytes >> 20, transfer.medianGbPerSecond(), runs.size(), perRun,
                String.join(" / ", runs.stream().map(run -> Format.dec(transfer.gbPerSecond(run))).toList())));
        return transfer;
    }

    /**
     * Writes {@value #WARM_GIB} GiB into {@code /dev/shm} once and deletes it. why: this VM backs
     * guest memory lazily, and first-touched pages fill at about 0.2 GB/s instead of 1.3; warmed
     * pages are reused, so the measurements see memory as a long-running node does.
     */
    private static void warmSharedMemory() throws IOException {
        long start = System.nanoTime();
        Path file = Files.createTempFile(Path.of("/dev/shm"), "jray-bench-warm", ".tmp");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(8 << 20);
            for (long written = 0; written < ((long) WARM_GIB << 30);) {
                zeros.clear();
                written += channel.write(zeros, written);
            }
        }
        finally {
            Files.delete(file);
        }
        log(String.format(Locale.ROOT, "warmed %d GiB of /dev/shm in %.1f s", WARM_GIB,
                (System.nanoTime() - start) / 1e9));
    }

    /** Copies an array into a new one, the least a get that returns an array of its own can cost. */
    private static long copyNanos(Object value) {
        long start = System.nanoTime();
        Object copy = value instanceof byte[] bytes ? bytes.clone() : ((double[]) value).clone();
        long nanos = System.nanoTime() - start;
        if (copy == value) {
            throw new IllegalStateException("no copy was made");
        }
        return nanos;
    }

    private List<Long> repeat(String label, TimedOperation timed) throws Exception {
        List<Long> runs = new ArrayList<>();
        for (int r = -1; r < settings.matrixRuns(); r++) {
            System.gc();
            long nanos = timed.nanos();
            if (r >= 0) {
                runs.add(nanos);
            }
        }
        log(String.format(Locale.ROOT, "%s, %dx%d: %.0f ms (median of %s ms)", label, settings.matrixSize(),
                settings.matrixSize(), ObjectResult.median(runs) / 1e6,
                String.join(" / ", runs.stream().map(run -> Format.num(run / 1e6)).toList())));
        return runs;
    }

    private static void log(String message) {
        System.out.println("[objects] " + message);
    }

    @FunctionalInterface
    private interface TimedOperation {

        /** Runs the operation once; returns the nanoseconds of its timed part. */
        long nanos() throws Exception;
    }
}
