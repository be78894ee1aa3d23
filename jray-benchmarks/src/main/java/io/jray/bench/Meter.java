package io.jray.bench;

import java.util.List;

/**
 * Reads what a stretch of work cost: Redis's counters ({@code CONFIG RESETSTAT} first) and the CPU
 * time of the driver, the worker JVMs and Redis, before and after it.
 */
public final class Meter {

    private static final long IDLE_MILLIS = 2000;

    private final RedisServer redis;

    public Meter(RedisServer redis) {
        this.redis = redis;
    }

    /** Runs {@code work}, which makes {@code count} calls or tasks on {@code cluster}, and measures it. */
    public Measurement measure(Cluster cluster, int count, Work work) throws Exception {
        List<ProcessHandle> workers = cluster.workerProcesses();
        ProcessHandle server = ProcessHandle.of(redis.pid()).orElseThrow();
        redis.resetStats();
        RedisInfo redisBefore = redis.info();
        CpuClock cpuBefore = CpuClock.read(workers, server);
        long start = System.nanoTime();
        long submitted = work.run();
        long end = System.nanoTime();
        CpuClock cpu = CpuClock.read(workers, server).since(cpuBefore);
        RedisInfo counted = redis.info().since(redisBefore);
        return new Measurement(count, end - start, submitted - start, counted, cpu);
    }

    /** The Redis calls per second of the cluster left idle for two seconds (heartbeats, polls). */
    public double backgroundCallsPerSecond() throws InterruptedException {
        redis.resetStats();
        RedisInfo before = redis.info();
        long start = System.nanoTime();
        Thread.sleep(IDLE_MILLIS);
        RedisInfo idle = redis.info().since(before);
        return idle.totalCalls() / ((System.nanoTime() - start) / 1e9);
    }

    /** A stretch of work to measure. */
    @FunctionalInterface
    public interface Work {

        /** Does the work; returns {@link System#nanoTime()} when its last submit returned. */
        long run() throws Exception;
    }
}
