package io.jray.bench;

import org.HdrHistogram.Histogram;

/**
 * The latency of calls made one at a time.
 *
 * @param p50Micros median
 * @param p99Micros 99th percentile
 * @param maxMicros slowest call
 */
public record Latency(double p50Micros, double p99Micros, double maxMicros) {

    /** Reads a histogram of nanoseconds. */
    static Latency of(Histogram nanos) {
        return new Latency(nanos.getValueAtPercentile(50) / 1e3, nanos.getValueAtPercentile(99) / 1e3,
                nanos.getMaxValue() / 1e3);
    }
}
