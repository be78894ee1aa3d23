package io.jray.bench;

import java.util.List;

/**
 * Everything measured for one contender.
 *
 * @param name the contender's name
 * @param setup what ran the tasks
 * @param throughputRuns the async runs, in the order they ran
 * @param sync the one-at-a-time calls (its {@code nanos} is the sum of the calls)
 * @param p50Micros median latency of one call
 * @param p99Micros 99th percentile latency of one call
 * @param maxMicros slowest call
 * @param backgroundCallsPerSecond Redis calls per second of the idle cluster (heartbeats, polling)
 */
public record Result(String name, String setup, List<Measurement> throughputRuns, Measurement sync, double p50Micros,
        double p99Micros, double maxMicros, double backgroundCallsPerSecond) {

    /** The run with the median throughput. */
    public Measurement medianRun() {
        return Measurement.median(throughputRuns);
    }
}
