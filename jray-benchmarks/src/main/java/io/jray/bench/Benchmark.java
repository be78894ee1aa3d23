package io.jray.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The measurement protocol, the same for every contender: warm up with async tasks, measure async
 * throughput several times, warm up with calls one at a time, measure their latency; Redis's
 * counters and the processes' CPU time are read around each measurement.
 */
public final class Benchmark {

    private final Settings settings;
    private final Meter meter;

    public Benchmark(Settings settings, RedisServer redis) {
        this.settings = settings;
        this.meter = new Meter(redis);
    }

    /** Runs the protocol on a started contender. */
    public Result run(Contender contender) throws Exception {
        double background = meter.backgroundCallsPerSecond();
        warmUpAsync(contender);
        List<Measurement> runs = new ArrayList<>();
        for (int r = 1; r <= settings.runs(); r++) {
            Measurement run = throughput(contender);
            runs.add(run);
            log(contender, String.format("run %d: %,d tasks in %.0f ms = %,.0f tasks/s (submitting took %.0f ms), "
                    + "%.1f Redis calls and %.0f/%.0f/%.0f µs CPU (driver/workers/Redis) per task", r, run.tasks(),
                    run.nanos() / 1e6, run.tasksPerSecond(), run.submitNanos() / 1e6, run.callsPerTask(),
                    run.cpu().driverMicros() / (double) run.tasks(), run.cpu().workersMicros() / (double) run.tasks(),
                    run.cpu().redisMicros() / (double) run.tasks()));
        }
        for (int i = 0; i < settings.syncWarmup(); i++) {
            contender.call(i);
        }
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(2), 3);
        Measurement sync = meter.measure(contender, settings.syncCalls(), () -> {
            for (int i = 0; i < settings.syncCalls(); i++) {
                long start = System.nanoTime();
                contender.call(i);
                latencies.recordValue(System.nanoTime() - start);
            }
            return System.nanoTime();
        });
        double p50 = latencies.getValueAtPercentile(50) / 1e3;
        double p99 = latencies.getValueAtPercentile(99) / 1e3;
        double max = latencies.getMaxValue() / 1e3;
        log(contender, String.format("%,d calls one at a time (after %,d more to warm up): p50 %.0f µs, p99 %.0f µs, "
                + "max %.0f µs", settings.syncCalls(), settings.syncWarmup(), p50, p99, max));
        return new Result(contender.name(), contender.setup(), runs, sync, p50, p99, max, background);
    }

    private void warmUpAsync(Contender contender) throws Exception {
        long start = System.nanoTime();
        int rounds = 0;
        do {
            contender.submitAllThenGetAll(settings.warmup());
            rounds++;
        } while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(settings.warmupSeconds()));
        log(contender, String.format("warmed up in %.0f s with %,d async tasks", (System.nanoTime() - start) / 1e9,
                rounds * settings.warmup()));
    }

    private Measurement throughput(Contender contender) throws Exception {
        return meter.measure(contender, settings.tasks(), () -> contender.submitAllThenGetAll(settings.tasks()));
    }

    private static void log(Contender contender, String message) {
        System.out.println("[" + contender.name() + "] " + message);
    }
}
