package io.jray.worker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessages;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.JRay;
import io.jray.runtime.JRayNode;
import io.jray.test.TestRedis;
import io.jray.test.WorkerProcess;

import static org.awaitility.Awaitility.await;

/**
 * A cluster for fault injection: a {@code redis-server} of its own (always a local process, so it
 * can be killed, paused and restarted; with an append-only file when asked), worker JVMs from the
 * jray-worker jar, and optionally the test JVM as a driver that only submits. Every node shares a
 * namespace (unique unless given) and an object directory of this cluster (unless given), which
 * {@link #close()} deletes. {@link #close()} always ends every process it started, waking paused
 * ones first, and bounds each step; a JVM shutdown hook kills what is left if the test JVM dies.
 */
final class ChaosCluster implements AutoCloseable {

    /** The heartbeat timeout of every node unless {@link #heartbeatTimeout(Duration)} says otherwise. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern JOINED = Pattern.compile("jray node (\\S+) joined the cluster");

    final String label;
    final TestRedis redis;
    final String namespace;
    /** Where every node of this cluster keeps its shared-memory object folders. */
    final Path objectBase;
    final Path spillBase;
    final List<WorkerProcess> workers = new ArrayList<>();
    private final boolean ownsObjectDirs;
    private final List<String> common;
    private final Thread reaper;
    private Duration heartbeatTimeout = HEARTBEAT_TIMEOUT;
    private ConfigurableApplicationContext driver;
    private RedisClient probeClient;
    private StatefulRedisConnection<String, String> probe;

    /**
     * @param label names logs and folders
     * @param redis this cluster's Redis (closed with the cluster)
     * @param namespace the namespace of every node, or {@code null} for a unique one
     * @param objectBase the base of the object folders, shared with another cluster, or {@code null}
     *        for one of this cluster's own (deleted at close)
     * @param commonProperties {@code key=value} properties every node gets
     */
    ChaosCluster(String label, TestRedis redis, String namespace, Path objectBase, List<String> commonProperties) {
        this.label = label;
        this.redis = redis;
        this.namespace = namespace != null ? namespace : TestRedis.uniqueNamespace();
        this.ownsObjectDirs = objectBase == null;
        this.objectBase = objectBase != null ? objectBase : defaultObjectBase(label + "-" + this.namespace);
        this.spillBase = this.objectBase.resolveSibling(this.objectBase.getFileName() + "-spill");
        this.common = List.copyOf(commonProperties);
        this.reaper = new Thread(this::killAll, "chaos-cluster-reaper-" + label);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Sets the heartbeat timeout of the nodes started from now on. */
    ChaosCluster heartbeatTimeout(Duration timeout) {
        this.heartbeatTimeout = timeout;
        return this;
    }

    /** A folder in {@code /dev/shm} (shared memory, as by default) when it exists, else in target/. */
    static Path defaultObjectBase(String name) {
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of("target").toAbsolutePath();
        return base.resolve("jray-chaos-" + name);
    }

    /** Starts {@code count} worker JVMs and waits until they have joined (at most 90 s). */
    List<WorkerProcess> startWorkers(int count, String... extraArgs) {
        long before = nodes();
        List<WorkerProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of(redis.springArguments()));
            args.addAll(List.of("--jray.namespace=" + namespace, "--jray.worker.scan-packages=" + Cluster.TASKS_PACKAGE,
                    "--jray.node.cpus=2", "--jray.node.resources.remote=100", "--jray.heartbeat.interval=250ms",
                    "--jray.heartbeat.timeout=" + heartbeatTimeout.toMillis() + "ms",
                    "--jray.object.directory=" + objectBase, "--jray.object.spill-directory=" + spillBase));
            common.forEach(p -> args.add("--" + p));
            args.addAll(List.of(extraArgs));
            WorkerProcess worker = WorkerProcess.startJar(Cluster.workerJar(), List.of(Cluster.testClasses()),
                    List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), args,
                    Path.of("target", "worker-logs", "chaos-" + label + "-" + namespace + "-" + (workers.size() + 1)
                            + ".log"));
            workers.add(worker);
            started.add(worker);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (WorkerProcess worker : started) {
                if (!worker.isAlive()) {
                    throw new IllegalStateException("a worker JVM exited: " + worker.output());
                }
            }
            return nodes() >= before + count && started.stream().allMatch(w -> nodeOf(w) != null);
        });
        return started;
    }

    /** Starts the test JVM's node: a driver that submits only, so every task runs in a worker JVM. */
    JRay startDriver(String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of("jray.namespace=" + namespace, "jray.node.cpus=2",
                "jray.worker.enabled=false", "jray.heartbeat.interval=250ms",
                "jray.heartbeat.timeout=" + heartbeatTimeout.toMillis() + "ms", "jray.object.directory=" + objectBase,
                "jray.object.spill-directory=" + spillBase));
        redis.springProperties().forEach((k, v) -> properties.add(k + "=" + v));
        properties.addAll(common);
        properties.addAll(List.of(extraProperties));
        driver = new SpringApplicationBuilder(DriverApplication.class).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
        return driver.getBean(JRay.class);
    }

    JRayNode node() {
        return driver.getBean(JRayNode.class);
    }

    /** The node id a worker JVM printed when it joined, or {@code null} before. */
    static String nodeOf(WorkerProcess worker) {
        Matcher m = JOINED.matcher(worker.output());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    /** The worker JVM with this pid. */
    WorkerProcess workerWithPid(long pid) {
        return workers.stream().filter(w -> w.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("no worker JVM of this cluster has pid " + pid));
    }

    /**
     * Commands on a connection of the test's own with a 3 s timeout, for probes and injections;
     * never use it while Redis is paused or down.
     */
    synchronized RedisCommands<String, String> probe() {
        if (probe == null) {
            probeClient = RedisClient.create("redis://" + redis.host() + ":" + redis.port());
            probe = probeClient.connect();
            probe.setTimeout(Duration.ofSeconds(3));
        }
        return probe.sync();
    }

    long nodes() {
        return probe().scard(namespace + ":nodes");
    }

    Set<String> nodeIds() {
        return probe().smembers(namespace + ":nodes");
    }

    /** How many entries of a task queue's group are pending for (held by) a consumer. */
    long pendingOf(String queue, String consumer) {
        PendingMessages pending = probe().xpending(queue, "w");
        Long count = pending.getConsumerMessageCount().get(consumer);
        return count == null ? 0 : count;
    }

    /** A numeric field of {@code INFO section}, such as {@code total_error_replies} of {@code stats}; 0 when absent. */
    long info(String section, String field) {
        for (String line : probe().info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                String value = line.substring(field.length() + 1).trim();
                // why: errorstats lines read "errorstat_NOGROUP:count=12"
                if (value.startsWith("count=")) {
                    value = value.substring("count=".length());
                }
                return Long.parseLong(value.split(",")[0]);
            }
        }
        return 0;
    }

    /** Ends every process of the cluster: the driver, the workers (woken if paused) and Redis; deletes its folders. */
    @Override
    public void close() {
        // why: a test interrupted by its timeout must still wait for its processes to end
        boolean interrupted = Thread.interrupted();
        try {
            closeAll();
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeAll() {
        List<Throwable> problems = new ArrayList<>();
        run(problems, () -> {
            if (redis.isPaused()) {
                redis.resume();
            }
        });
        run(problems, () -> {
            if (redis.pid() < 0) {
                // why: nodes shut down cleanly (and quickly) only while their Redis answers
                redis.restart();
            }
        });
        run(problems, () -> {
            for (WorkerProcess worker : workers) {
                if (worker.isPaused()) {
                    worker.resume();
                }
            }
        });
        run(problems, this::closeDriver);
        run(problems, () -> workers.forEach(WorkerProcess::requestStop));
        for (WorkerProcess worker : workers) {
            run(problems, worker::close);
        }
        run(problems, () -> {
            if (probe != null) {
                probe.close();
                probeClient.shutdown(0, 2, TimeUnit.SECONDS);
            }
        });
        run(problems, redis::close);
        if (ownsObjectDirs) {
            run(problems, () -> deleteTree(objectBase));
            run(problems, () -> deleteTree(spillBase));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
        catch (IllegalStateException e) {
            // why: the JVM is shutting down; the hook runs anyway
        }
        if (!problems.isEmpty()) {
            IllegalStateException e = new IllegalStateException("closing the chaos cluster " + label + " failed");
            problems.forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Closes the driver's context within 30 s; a context stuck on a dead Redis is left to the JVM's end. */
    private void closeDriver() throws Exception {
        if (driver == null) {
            return;
        }
        ConfigurableApplicationContext context = driver;
        driver = null;
        CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close,
                r -> Thread.ofPlatform().daemon().name("chaos-driver-close").start(r));
        closed.get(30, TimeUnit.SECONDS);
    }

    /** For the shutdown hook: SIGCONT and SIGKILL to everything still running. */
    private void killAll() {
        for (WorkerProcess worker : workers) {
            if (worker.isAlive()) {
                try {
                    worker.resume();
                }
                catch (RuntimeException e) {
                    // why: SIGKILL below ends a stopped process too
                }
                ProcessHandle.of(worker.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        try {
            long pid = redis.pid();
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        catch (RuntimeException e) {
            // why: not a local server
        }
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void run(List<Throwable> problems, Step step) {
        try {
            step.run();
        }
        catch (Throwable e) {
            problems.add(e);
        }
    }
}
