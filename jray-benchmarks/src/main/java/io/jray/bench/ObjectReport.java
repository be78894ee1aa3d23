package io.jray.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.jray.bench.ObjectResult.Operation;
import io.jray.bench.ObjectResult.Transfer;

import static io.jray.bench.Format.dec;
import static io.jray.bench.Format.num;

/**
 * The object part of the report: how it was measured, a table of the transfers (GB/s per operation,
 * value type and size), the matrix DAG next to the local computation, and the object rows of the targets.
 */
final class ObjectReport {

    private static final double TARGET_SAME_HOST_GB_PER_SECOND = 5;
    private static final double TARGET_OTHER_HOST_GB_PER_SECOND = 1;
    private static final int LARGE = ObjectBenchmark.SIZES.getLast();

    private final Settings settings;
    private final ObjectResult result;

    ObjectReport(Settings settings, ObjectResult result) {
        this.settings = settings;
        this.result = result;
    }

    /** The line of the run's description that says how objects were measured. */
    String method() {
        int n = result.matrixSize();
        return String.format(Locale.ROOT, "- Objects (%s only; Redis is the peer), on a cluster of their own: %s. "
                + "Put: `jray.put(value)` in the driver (it writes the value into the driver's store before it returns; "
                + "the same array each time, a new object each time). Get: a task on the worker JVM chosen makes a new "
                + "value, the driver waits until its ref is ready, then only `ref.get()` is timed: the first get of "
                + "each object (same host: the producer's file is mapped and copied into a new array, or handed out "
                + "as a read-only view for `MemorySegment`; other host: pulled over HTTP into the driver's store "
                + "first). Peer: %s. Reference: `clone()` of a `byte[]`/`double[]` in the driver (a new array and one copy, what a get "
                + "that returns an array of its own costs at least). Every transfer: %d warm-up runs, then %d measured runs, the median reported; a "
                + "run moves one value of 100 MiB, or %d values of 1 MiB one after the other; GB/s = 10^9 bytes of "
                + "the values' data (not the store's 16-byte header) per second of the timed operations alone; a "
                + "full GC (`System.gc()`) before each run. Matrix: the tutorial's DAG (two tasks make random %dx%d "
                + "`double[][]`, a third multiplies them, the driver gets the product) on any node, timed from the "
                + "first submit to the product in the driver, next to the same three calls in the driver without "
                + "jray; one warm-up run each, then the median of %d.%n", result.name(), result.setup(),
                result.peerSetup(), ObjectBenchmark.WARMUP_RUNS, settings.objectRuns(), (ObjectBenchmark.RUN_MIB << 20) / ObjectBenchmark.SIZES
                        .getFirst(), n, n, settings.matrixRuns());
    }

    /** The tables: transfers, then the matrix multiply. */
    String tables() {
        StringBuilder t = new StringBuilder("Objects, " + result.name() + ", with " + result.peerName()
                + " as the peer (GB/s = 10^9 bytes per second, median run)\n\n| operation | value | **1 MiB: GB/s** "
                + "| 1 MiB runs (GB/s) | **100 MiB: GB/s** | 100 MiB runs (GB/s) | ms per 100 MiB value |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (Operation operation : Operation.values()) {
            for (ValueType type : ValueType.values()) {
                List<Transfer> sizes = ObjectBenchmark.SIZES.stream().map(b -> result.find(operation, type, b))
                        .toList();
                if (sizes.stream().allMatch(s -> s == null)) {
                    continue;
                }
                t.append("| ").append(label(operation)).append(" | ").append(type.label()).append(" | ");
                for (Transfer s : sizes) {
                    t.append(s == null ? " | | " : "**" + dec(s.medianGbPerSecond()) + "** | " + String.join(" / ",
                            s.runs().stream().map(run -> dec(s.gbPerSecond(run))).toList()) + " | ");
                }
                Transfer large = sizes.getLast();
                t.append(large == null ? "" : dec(large.medianMillisPerValue())).append(" |\n");
            }
        }
        int n = result.matrixSize();
        t.append("\nMatrix multiply, ").append(n).append("x").append(n).append(" `double[][]`\n\n")
                .append("| | **median (ms)** | runs (ms) |\n|---|---:|---:|\n");
        matrixRow(t, "jray DAG: 2 x `createMatrix`, `multiply`, `get`, end to end", result.dagRuns());
        matrixRow(t, "the same three calls in the driver JVM, without jray", result.localRuns());
        return t.toString();
    }

    private static String label(Operation operation) {
        return switch (operation) {
            case PUT -> "put, in the driver";
            case SAME_HOST_GET -> "get in the driver, made by a worker JVM on the same host";
            case OTHER_HOST_GET -> "get in the driver, made on the simulated other host (pulled over HTTP)";
            case PEER_SET -> "Redis `SET` (Redisson `RBucket.set`)";
            case PEER_GET -> "Redis `GET` (Redisson `RBucket.get`)";
            case LOCAL_COPY -> "reference: `clone()` of the array in the driver JVM, no jray";
        };
    }

    private static void matrixRow(StringBuilder t, String label, List<Long> runs) {
        t.append("| ").append(label).append(" | **").append(num(ObjectResult.median(runs) / 1e6)).append("** | ")
                .append(String.join(" / ", runs.stream().map(run -> num(run / 1e6)).toList())).append(" |\n");
    }

    /** The object rows of the targets table. */
    List<String> targets() {
        List<String> rows = new ArrayList<>();
        for (ValueType type : ValueType.values()) {
            target(rows, Operation.SAME_HOST_GET, type, "same-host cross-JVM get of a 100 MiB " + type.label(),
                    TARGET_SAME_HOST_GB_PER_SECOND);
        }
        for (ValueType type : ValueType.values()) {
            target(rows, Operation.OTHER_HOST_GET, type, "cross-host get (loopback) of a 100 MiB " + type.label(),
                    TARGET_OTHER_HOST_GB_PER_SECOND);
        }
        return rows;
    }

    private void target(List<String> rows, Operation operation, ValueType type, String what, double gbPerSecond) {
        Transfer transfer = result.find(operation, type, LARGE);
        if (transfer != null) {
            rows.add(Format.target(result.name() + " " + what + " >= " + num(gbPerSecond) + " GB/s",
                    dec(transfer.medianGbPerSecond()) + " GB/s", transfer.medianGbPerSecond() >= gbPerSecond));
        }
    }
}
