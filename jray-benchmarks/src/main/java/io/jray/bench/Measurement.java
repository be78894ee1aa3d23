package io.jray.bench;

/**
 * One measured stretch of work: how long it took and what it cost Redis and the processes.
 *
 * @param tasks tasks run
 * @param nanos wall time from the first submit to the last value
 * @param submitNanos wall time from the first submit until the last submit call returned
 * @param redis what Redis counted meanwhile
 * @param cpu CPU time used meanwhile
 */
public record Measurement(int tasks, long nanos, long submitNanos, RedisInfo redis, CpuClock cpu) {

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
