package io.jray.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The actor protocol, run twice: 1:1 (one caller, one actor on the first worker JVM), then n:n
 * (n callers, each with an actor of its own, the actors spread over the worker JVMs). Each time:
 * warm up with async rounds, measure async throughput several times, warm up with calls one at a
 * time, measure those. The callers are threads of this JVM (the driver), started before and
 * reused by every measurement, so 1:1 and n:n differ only in the number of callers; in n:n every
 * caller takes an equal share of the calls and all start together. Redis's counters and the
 * processes' CPU time are read around each measurement.
 */
public final class ActorBenchmark {

    private final Settings settings;
    private final Meter meter;

    public ActorBenchmark(Settings settings, RedisServer redis) {
        this.settings = settings;
        this.meter = new Meter(redis);
    }

    /** Runs the protocol on a started contender. */
    public ActorResult run(ActorContender contender) throws Exception {
        int n = settings.actorCallers();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("actor-caller-", 1).factory());
        threads.prestartAllCoreThreads();
        try (threads) {
            Protocol protocol = new Protocol(contender, threads);
            double background;
            Stage one;
            try (ActorCallers callers = ActorCallers.open(contender, 1)) {
                background = meter.backgroundCallsPerSecond();
                one = protocol.stage("1:1", callers);
            }
            Stage many;
            try (ActorCallers callers = ActorCallers.open(contender, n)) {
                many = protocol.stage(n + ":" + n, callers);
            }
            return new ActorResult(contender.name(), contender.setup(), n, one.asyncRuns(), one.sync(),
                    one.latency(), many.asyncRuns(), many.sync(), many.latency(), background);
        }
    }

    /** What one stage (1:1 or n:n) measured. */
    private record Stage(List<Measurement> asyncRuns, Measurement sync, Latency latency) {
    }

    /** The steps of a stage, on the caller threads. */
    private final class Protocol {

        private final ActorContender contender;
        private final ThreadPoolExecutor threads;

        Protocol(ActorContender contender, ThreadPoolExecutor threads) {
            this.contender = contender;
            this.threads = threads;
        }

        Stage stage(String label, ActorCallers callers) throws Exception {
            List<ActorCaller> list = callers.list();
            int n = list.size();
            int perCaller = settings.actorCalls() / n;
            warmUp(label, list, settings.warmup() / n);
            List<Measurement> runs = new ArrayList<>();
            for (int r = 1; r <= settings.runs(); r++) {
                Measurement run = meter.measure(contender, perCaller * n, () -> async(list, perCaller));
                runs.add(run);
                log(label, String.format("async run %d: %,d calls in %.0f ms = %,.0f calls/s (sending took %.0f ms), "
                        + "%.1f Redis calls and %.0f/%.0f/%.0f µs CPU (driver/workers/Redis) per call", r, run.tasks(),
                        run.nanos() / 1e6, run.tasksPerSecond(), run.submitNanos() / 1e6, run.callsPerTask(),
                        run.cpu().driverMicros() / (double) run.tasks(),
                        run.cpu().workersMicros() / (double) run.tasks(),
                        run.cpu().redisMicros() / (double) run.tasks()));
            }
            int syncPerCaller = settings.syncCalls() / n;
            sync(list, settings.syncWarmup() / n, latencyHistogram());
            Histogram latencies = latencyHistogram();
            Measurement sync = meter.measure(contender, syncPerCaller * n, () -> sync(list, syncPerCaller, latencies));
            Latency latency = Latency.of(latencies);
            log(label, String.format("%,d calls one at a time (after %,d more to warm up): %,.0f calls/s, p50 %.0f µs, "
                    + "p99 %.0f µs, max %.0f µs, %.1f Redis calls per call", sync.tasks(),
                    settings.syncWarmup() / n * n, sync.tasksPerSecond(), latency.p50Micros(), latency.p99Micros(),
                    latency.maxMicros(), sync.callsPerTask()));
            return new Stage(runs, sync, latency);
        }

        private void warmUp(String label, List<ActorCaller> callers, int perCaller) throws Exception {
            long start = System.nanoTime();
            int rounds = 0;
            do {
                async(callers, perCaller);
                rounds++;
            } while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(settings.actorWarmupSeconds()));
            log(label, String.format("warmed up in %.0f s with %,d async calls", (System.nanoTime() - start) / 1e9,
                    rounds * perCaller * callers.size()));
        }

        /** Every caller sends its calls without waiting, then awaits them; returns when the last was sent. */
        private long async(List<ActorCaller> callers, int perCaller) throws Exception {
            return Collections.max(eachAtOnce(callers, caller -> caller.submitAllThenGetAll(perCaller)));
        }

        /** Every caller makes its calls one at a time; their latencies go into {@code latencies}. */
        private long sync(List<ActorCaller> callers, int perCaller, Histogram latencies) throws Exception {
            List<Histogram> each = eachAtOnce(callers, caller -> {
                Histogram mine = latencyHistogram();
                for (int i = 0; i < perCaller; i++) {
                    long start = System.nanoTime();
                    caller.call();
                    mine.recordValue(System.nanoTime() - start);
                }
                return mine;
            });
            each.forEach(latencies::add);
            return System.nanoTime();
        }

        /** Runs {@code work} for every caller at once, each on a caller thread, and waits for all. */
        private <T> List<T> eachAtOnce(List<ActorCaller> callers, CallerWork<T> work) throws Exception {
            List<Callable<T>> jobs = callers.stream().map(caller -> (Callable<T>) () -> work.run(caller)).toList();
            List<T> results = new ArrayList<>(callers.size());
            for (Future<T> future : threads.invokeAll(jobs)) {
                try {
                    results.add(future.get());
                }
                catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        }

        private void log(String label, String message) {
            System.out.println("[" + contender.name() + " actors " + label + "] " + message);
        }
    }

    private static Histogram latencyHistogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(2), 3);
    }

    @FunctionalInterface
    private interface CallerWork<T> {

        T run(ActorCaller caller) throws Exception;
    }
}
