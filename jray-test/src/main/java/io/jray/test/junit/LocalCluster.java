package io.jray.test.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.runtime.control.Keys;
import io.jray.runtime.embedded.EmbeddedRedisServer;

/**
 * A private {@code redis-server} and worker JVMs of one application, for one {@link JRayClusterTest}
 * class. Spring contexts that joined it are closed before it stops, so no node outlives its Redis.
 */
final class LocalCluster implements JRayTestCluster, AutoCloseable {

    private static final Log log = LogFactory.getLog(LocalCluster.class);

    private final ClusterSettings settings;
    private final EmbeddedRedisServer redis;
    private final String namespace = "jt" + UUID.randomUUID().toString().substring(0, 8);
    private final List<WorkerJvm> workers = new CopyOnWriteArrayList<>();
    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final Thread cleanup = new Thread(this::destroyNow, "jray-test-cluster-cleanup");

    private LocalCluster(ClusterSettings settings, EmbeddedRedisServer redis) {
        this.settings = settings;
        this.redis = redis;
        this.client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
        this.connection = client.connect();
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Starts the Redis and the workers, and waits until every worker has joined. */
    static LocalCluster start(ClusterSettings settings) {
        EmbeddedRedisServer redis;
        try {
            redis = EmbeddedRedisServer.start(null, "127.0.0.1", 0, Duration.ofSeconds(10));
        }
        catch (IOException e) {
            throw new UncheckedIOException("jray-test could not start a redis-server for " + settings.testClass(), e);
        }
        LocalCluster cluster = new LocalCluster(settings, redis);
        try {
            List<WorkerJvm> started = new ArrayList<>();
            for (int i = 0; i < settings.workers(); i++) {
                started.add(cluster.launchWorker());
            }
            cluster.awaitJoined(started);
            log.info("jray-test: " + started.size() + " worker JVM(s) of " + settings.application().getName()
                    + " joined namespace " + cluster.namespace + " on redis-server " + redis.host() + ":" + redis.port()
                    + " (" + redis.executable() + "); logs in " + settings.logDirectory());
            return cluster;
        }
        catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public String redisHost() {
        return redis.host();
    }

    @Override
    public int redisPort() {
        return redis.port();
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.host", redis.host());
        properties.put("spring.data.redis.port", Integer.toString(redis.port()));
        properties.put("jray.namespace", namespace);
        properties.put("jray.redis.embedded", "never");
        // why: a killed worker should be noticed within seconds in a test, not after the 5 s default
        properties.put("jray.heartbeat.interval", "250ms");
        properties.put("jray.heartbeat.timeout", "3s");
        properties.putAll(settings.properties());
        return properties;
    }

    @Override
    public List<ClusterWorker> workers() {
        return Collections.unmodifiableList(new ArrayList<>(workers));
    }

    @Override
    public synchronized ClusterWorker addWorker() {
        WorkerJvm worker = launchWorker();
        awaitJoined(List.of(worker));
        return worker;
    }

    @Override
    public long liveNodes() {
        return connection.sync().scard(new Keys(namespace).nodes());
    }

    /** Remembers a Spring context that joined this cluster, to close it before the cluster stops. */
    void attach(ConfigurableApplicationContext context) {
        contexts.add(context);
    }

    private WorkerJvm launchWorker() {
        int number = workers.size() + 1;
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(settings.jvmArgs());
        command.add("-D" + ClusterWorkerMain.PARENT_PID + "=" + ProcessHandle.current().pid());
        command.add("@" + classPathArgumentFile());
        command.add(ClusterWorkerMain.class.getName());
        command.add(settings.application().getName());
        command.add("--spring.main.web-application-type=none");
        springProperties().forEach((name, value) -> command.add("--" + name + "=" + value));
        settings.workerProperties().forEach((name, value) -> command.add("--" + name + "=" + value));
        WorkerJvm worker = WorkerJvm.start(command, settings.logDirectory().resolve("worker-" + number + ".log"));
        workers.add(worker);
        return worker;
    }

    private void awaitJoined(List<WorkerJvm> started) {
        long expected = liveNodes() + started.size();
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (liveNodes() < expected) {
            for (WorkerJvm worker : started) {
                if (!worker.isAlive()) {
                    throw new IllegalStateException("jray-test: " + worker + " of " + settings.application().getName()
                            + " exited before it joined; its output:\n" + worker.output());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("jray-test: " + started.size() + " worker JVM(s) did not join within "
                        + settings.startTimeout() + " (@JRayClusterTest startTimeoutSeconds); the first one's output:\n"
                        + started.getFirst().output());
            }
            pause();
        }
    }

    // why: a class path longer than a command line allows goes in a java @argument file
    private Path classPathArgumentFile() {
        Path file = settings.logDirectory().resolve("classpath.args");
        if (!Files.exists(file)) {
            String classPath = System.getProperty("java.class.path");
            String quoted = "\"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "-cp " + quoted + System.lineSeparator(), StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException("jray-test cannot write " + file, e);
            }
        }
        return file;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for worker JVMs to join", e);
        }
    }

    /** Closes the joined contexts, drains the workers (SIGTERM) and stops the Redis. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        catch (IllegalStateException e) {
            // why: the JVM is shutting down already, and the hook does the same work
        }
        for (ConfigurableApplicationContext context : contexts) {
            context.close();
        }
        workers.forEach(WorkerJvm::requestStop);
        workers.forEach(WorkerJvm::awaitExit);
        connection.close();
        client.shutdown();
        redis.close();
    }

    private void destroyNow() {
        workers.forEach(WorkerJvm::kill);
        redis.close();
    }

    @Override
    public String toString() {
        return "jray test cluster " + namespace + " on " + redis.host() + ":" + redis.port() + " with workers "
                + Arrays.toString(workers.toArray());
    }
}
