package io.jray.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.jray.bench.jray.JRayActors;
import io.jray.bench.jray.JRayContender;
import io.jray.bench.jray.JRayHistory;
import io.jray.bench.jray.JRayObjects;
import io.jray.bench.redisson.RedissonBuckets;
import io.jray.bench.redisson.RedissonContender;

/**
 * Runs the benchmark: starts a fresh Redis, then the suites asked for in turn: tasks (for each
 * contender its cluster, driver in this JVM plus worker JVMs, measured and stopped), actors, objects
 * and history (each on a jray cluster of its own); prints the results and writes them into {@code BENCHMARKS.md}.
 * Whatever it started is stopped at the end, also on failure or interrupt. Run it with
 * {@value Report#COMMAND}.
 */
public final class BenchmarkMain {

    private static volatile long redisPid = -1;
    private static volatile Cluster current;

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(BenchmarkMain::stopChildren));
        int status = 0;
        try {
            run(Settings.fromSystemProperties());
        }
        catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(Settings settings) throws Exception {
        String commit = Commit.describe(settings.repo());
        List<Result> results = new ArrayList<>();
        ActorResult actors = null;
        ObjectResult objects = null;
        HistoryResult history = null;
        MemoryResult memory = null;
        try (RedisServer redis = RedisServer.start(settings.logs())) {
            redisPid = redis.pid();
            System.out.println("Redis " + redis.version() + " on 127.0.0.1:" + redis.port() + "; logs in "
                    + settings.logs());
            for (String suite : settings.suites()) {
                switch (suite) {
                    case Settings.TASKS -> results.addAll(runTasks(settings, redis));
                    case Settings.ACTORS -> actors = runActors(settings, redis);
                    case Settings.OBJECTS -> objects = runObjects(settings, redis);
                    case Settings.MEMORY -> memory = runMemory(settings, redis);
                    default -> history = runHistory(settings, redis);
                }
            }
            if (!commit.equals(Commit.describe(settings.repo()))) {
                commit += " (the working tree changed during the run)";
            }
            Report report = new Report(settings, commit, redis.version(), results, actors, objects, history,
                    memory);
            System.out.println();
            System.out.println(report.markdown());
            report.write(settings.report());
            System.out.println("Written to " + settings.report());
        }
    }

    private static List<Result> runTasks(Settings settings, RedisServer redis) throws Exception {
        List<Result> results = new ArrayList<>();
        Benchmark benchmark = new Benchmark(settings, redis);
        for (String name : settings.contenders()) {
            redis.flush();
            try (Contender contender = start(name, settings, redis)) {
                current = contender;
                System.out.println("[" + contender.name() + "] " + contender.setup());
                results.add(benchmark.run(contender));
            }
        }
        return results;
    }

    private static ActorResult runActors(Settings settings, RedisServer redis) throws Exception {
        redis.flush();
        try (JRayActors contender = JRayActors.start(settings, redis)) {
            current = contender;
            System.out.println("[" + contender.name() + " actors] " + contender.setup());
            return new ActorBenchmark(settings, redis).run(contender);
        }
    }

    private static ObjectResult runObjects(Settings settings, RedisServer redis) throws Exception {
        redis.flush();
        try (JRayObjects contender = JRayObjects.start(settings, redis);
                RedissonBuckets peer = RedissonBuckets.connect(redis)) {
            current = contender;
            System.out.println("[" + contender.name() + " objects] " + contender.setup());
            return new ObjectBenchmark(settings).run(contender, peer);
        }
    }

    private static MemoryResult runMemory(Settings settings, RedisServer redis) throws Exception {
        redis.flush();
        try (JRayContender contender = JRayContender.start(settings, redis)) {
            current = contender;
            System.out.println("[" + contender.name() + " memory] " + contender.setup());
            return new MemoryBenchmark(settings, redis, contender.namespace()).run(contender);
        }
    }

    private static HistoryResult runHistory(Settings settings, RedisServer redis) throws Exception {
        redis.flush();
        try (JRayHistory contender = JRayHistory.start(settings, redis)) {
            current = contender;
            System.out.println("[" + contender.name() + " history] " + contender.setup() + "; dashboard at "
                    + contender.dashboard() + "/jray");
            return new HistoryBenchmark(settings, redis).run(contender);
        }
    }

    /**
     * Stops what is still running when this JVM exits early (interrupted, failed): the cluster
     * first, then any other JVM, then Redis, which they use to leave; politely, then forcibly after 5 s.
     */
    private static void stopChildren() {
        Cluster cluster = current;
        if (cluster != null) {
            cluster.close();
        }
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        stop(children.stream().filter(child -> child.pid() != redisPid).toList());
        stop(children.stream().filter(child -> child.pid() == redisPid).toList());
    }

    private static void stop(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException | ExecutionException | TimeoutException e) {
                process.destroyForcibly();
            }
        }
    }

    private static Contender start(String name, Settings settings, RedisServer redis) throws InterruptedException {
        return switch (name) {
            case "jray" -> JRayContender.start(settings, redis);
            case "redisson" -> RedissonContender.start(settings, redis);
            default -> throw new IllegalArgumentException("unknown contender '" + name + "'");
        };
    }
}
