package io.jray.bench;

import java.util.List;

/**
 * Everything measured of actors: one caller with one actor (1:1), then several callers each with an
 * actor of its own (n:n).
 *
 * @param name the system's name
 * @param setup where the callers and actors ran
 * @param callers the n of n:n
 * @param oneAsyncRuns 1:1 runs of calls sent without waiting, then all awaited, in the order they ran
 * @param oneSync 1:1 calls one at a time (its {@code nanos} is the whole loop)
 * @param oneLatency latency of those calls
 * @param manyAsyncRuns n:n runs, each caller sending its share of calls without waiting, then awaiting them
 * @param manySync n:n calls one at a time in every caller, all callers at once
 * @param manyLatency latency of those calls, over all callers
 * @param backgroundCallsPerSecond Redis calls per second of the idle cluster with one actor alive
 */
public record ActorResult(String name, String setup, int callers, List<Measurement> oneAsyncRuns, Measurement oneSync,
        Latency oneLatency, List<Measurement> manyAsyncRuns, Measurement manySync, Latency manyLatency,
        double backgroundCallsPerSecond) {

    /** The 1:1 async run with the median throughput. */
    public Measurement oneAsync() {
        return Measurement.median(oneAsyncRuns);
    }

    /** The n:n async run with the median throughput. */
    public Measurement manyAsync() {
        return Measurement.median(manyAsyncRuns);
    }
}
