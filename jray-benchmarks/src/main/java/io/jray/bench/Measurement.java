package io.jray.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One measured stretch of work: how long it took and what it cost Redis and the processes.
 *
 * @param tasks tasks run (or actor calls made)
 * @param nanos wall time from the first submit to the last value
 * @param submitNanos wall time from the first submit until the last submit call returned
 * @param redis what Redis counted meanwhile
 * @param cpu CPU time used meanwhile
 */
public record Measurement(int tasks, long nanos, long submitNanos, RedisInfo redis, CpuClock cpu) {

    /** The run with the median throughput of {@code runs}. */
    public static Measurement median(List<Measurement> runs) {
        List<Measurement> sorted = runs.stream().sorted(Comparator.comparingDouble(Measurement::tasksPerSecond))
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    public double tasksPerSecond() {
        return tasks / (nanos / 1e9);
    }

    /** Redis command calls per task, including those run inside scripts. */
    public double callsPerTask() {
        return (double) redis.totalCalls() / tasks;
    }

    public double callsPerTask(String command) {
        return (double) redis.calls().getOrDefault(command, 0L) / tasks;
    }
}
