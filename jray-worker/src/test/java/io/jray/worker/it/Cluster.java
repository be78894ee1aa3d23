package io.jray.worker.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.JRay;
import io.jray.runtime.JRayNode;
import io.jray.test.TestRedis;
import io.jray.test.WorkerProcess;

import static org.awaitility.Awaitility.await;

/**
 * A real cluster for tests: a Redis of its own, the test JVM as a node, and worker JVMs started from
 * the executable jray-worker jar with the test's task classes on their loader path.
 */
final class Cluster implements AutoCloseable {

    static final String TASKS_PACKAGE = "io.jray.worker.it.tasks";

    final TestRedis redis = TestRedis.start();
    final String namespace = TestRedis.uniqueNamespace();
    final List<WorkerProcess> workers = new ArrayList<>();
    private ConfigurableApplicationContext driver;

    /** Starts {@code count} worker JVMs and waits until they have joined. */
    List<WorkerProcess> startWorkers(int count, String... extraArgs) {
        List<WorkerProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of(redis.springArguments()));
            args.addAll(List.of("--jray.namespace=" + namespace, "--jray.worker.scan-packages=" + TASKS_PACKAGE,
                    "--jray.node.cpus=2", "--jray.node.resources.remote=100", "--jray.heartbeat.interval=250ms",
                    "--jray.heartbeat.timeout=2s"));
            args.addAll(List.of(extraArgs));
            WorkerProcess worker = WorkerProcess.startJar(workerJar(), List.of(testClasses()),
                    List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), args,
                    Path.of("target", "worker-logs", namespace + "-" + (workers.size() + 1) + ".log"));
            workers.add(worker);
            started.add(worker);
        }
        long expected = nodes() + count;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (WorkerProcess worker : started) {
                if (!worker.isAlive()) {
                    throw new IllegalStateException("a worker JVM exited: " + worker.output());
                }
            }
            return nodes() >= expected;
        });
        return started;
    }

    /** Starts the test JVM's node (a driver that also runs tasks). */
    JRay startDriver(String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of("jray.namespace=" + namespace, "jray.node.cpus=2",
                "jray.heartbeat.interval=250ms", "jray.heartbeat.timeout=2s"));
        redis.springProperties().forEach((k, v) -> properties.add(k + "=" + v));
        properties.addAll(List.of(extraProperties));
        driver = new SpringApplicationBuilder(DriverApplication.class).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
        return driver.getBean(JRay.class);
    }

    JRayNode node() {
        return driver.getBean(JRayNode.class);
    }

    long nodes() {
        return redis.commands().scard(namespace + ":nodes");
    }

    static Path workerJar() {
        return Path.of(System.getProperty("jray.worker.jar", "target/jray-worker.jar"));
    }

    static Path testClasses() {
        return Path.of(System.getProperty("jray.test.classes", "target/test-classes")).toAbsolutePath();
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.close();
        }
        workers.forEach(WorkerProcess::close);
        redis.close();
    }
}
