package io.jray.bench;

import java.util.List;

/**
 * Everything the object suite measured: transfers of values (put, get from each producer, the
 * peer's set and get, and a plain copy in the driver as the machine's reference) and the tutorial's matrix DAG next to the same computation done locally.
 *
 * @param name the system's name
 * @param setup where the values were made and read
 * @param peerName the peer's name
 * @param peerSetup how the peer was used
 * @param transfers one entry per operation, value type and size, in the order measured
 * @param matrixSize the n of the n x n matrices
 * @param dagRuns wall time of each measured DAG run (nanoseconds)
 * @param localRuns wall time of each measured local run (nanoseconds)
 */
public record ObjectResult(String name, String setup, String peerName, String peerSetup, List<Transfer> transfers,
        int matrixSize, List<Long> dagRuns, List<Long> localRuns) {

    /** What a transfer does. */
    public enum Operation {
        PUT, SAME_HOST_GET, OTHER_HOST_GET, PEER_SET, PEER_GET, LOCAL_COPY
    }

    /**
     * Runs of one operation on values of one type and size.
     *
     * @param operation what was timed
     * @param type the value's type
     * @param bytes the value's size (its data, not the store's header)
     * @param valuesPerRun values moved one after the other in each run
     * @param runs the timed part of each measured run (the operations alone), in nanoseconds
     */
    public record Transfer(Operation operation, ValueType type, int bytes, int valuesPerRun, List<Long> runs) {

        /** Decimal gigabytes (10^9 bytes) per second of a run. */
        public double gbPerSecond(long runNanos) {
            return (double) bytes * valuesPerRun / runNanos;
        }

        /** The median run's time. */
        public long medianNanos() {
            return median(runs);
        }

        public double medianGbPerSecond() {
            return gbPerSecond(medianNanos());
        }

        /** The median run's time per value, in milliseconds. */
        public double medianMillisPerValue() {
            return medianNanos() / 1e6 / valuesPerRun;
        }
    }

    /** The transfer of that operation, type and size, or {@code null} when it was not measured. */
    public Transfer find(Operation operation, ValueType type, int bytes) {
        return transfers.stream().filter(t -> t.operation() == operation && t.type() == type && t.bytes() == bytes)
                .findFirst().orElse(null);
    }

    /** The median of some run times (the upper one of an even number). */
    public static long median(List<Long> runs) {
        return runs.stream().sorted().toList().get(runs.size() / 2);
    }
}
