package io.jray.bench;

import java.time.Duration;
import java.util.List;

/**
 * CPU time used by groups of processes (the driver, the worker JVMs, Redis), as the operating system
 * counts it, so a run shows where a 2-core machine spends its cycles.
 *
 * @param driverMicros this JVM
 * @param workersMicros the worker JVMs together
 * @param redisMicros the Redis server
 */
public record CpuClock(long driverMicros, long workersMicros, long redisMicros) {

    /** Reads the clocks now. */
    static CpuClock read(List<ProcessHandle> workers, ProcessHandle redis) {
        long workersTotal = 0;
        for (ProcessHandle worker : workers) {
            workersTotal += micros(worker);
        }
        return new CpuClock(micros(ProcessHandle.current()), workersTotal, micros(redis));
    }

    /** The CPU time used between {@code before} and this reading. */
    CpuClock since(CpuClock before) {
        return new CpuClock(driverMicros - before.driverMicros, workersMicros - before.workersMicros,
                redisMicros - before.redisMicros);
    }

    private static long micros(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1000;
    }
}
