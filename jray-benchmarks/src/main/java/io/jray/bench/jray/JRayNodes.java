package io.jray.bench.jray;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.JRay;
import io.jray.bench.RedisServer;
import io.jray.bench.Settings;
import io.jray.bench.tasks.BenchTasks;
import io.jray.test.WorkerProcess;

/**
 * A jray cluster: worker JVMs started from the executable {@code jray-worker} jar (the benchmark's
 * classes on their {@code loader.path}) plus a driver Spring context in this JVM, not a web
 * application unless asked (the history suite's driver serves the dashboard); every node offers
 * the same number of CPU slots. {@link #close()} stops the driver, then the workers.
 */
final class JRayNodes implements AutoCloseable {

    /** The cluster's {@code jray.namespace}: its keys in Redis start with it. */
    static final String NAMESPACE = "bench";

    private final Settings settings;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private ConfigurableApplicationContext driver;
    private JRay jray;

    private JRayNodes(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts the worker JVMs, the i-th (from 1) with the extra arguments {@code workerArgs(i)}, waits
     * until they joined, then starts the driver.
     */
    static JRayNodes start(Settings settings, RedisServer redis, IntFunction<List<String>> workerArgs)
            throws InterruptedException {
        return start(settings, redis, List.of(), workerArgs, List.of());
    }

    /**
     * As {@link #start(Settings, RedisServer, IntFunction)}, with {@code jvmArgs} added to the worker
     * JVMs' options and {@code driverProperties} (such as {@code jray.object.store-limit=4GB}) to the driver's.
     */
    static JRayNodes start(Settings settings, RedisServer redis, List<String> jvmArgs,
            IntFunction<List<String>> workerArgs, List<String> driverProperties) throws InterruptedException {
        return start(settings, redis, jvmArgs, workerArgs, WebApplicationType.NONE, driverProperties);
    }

    /**
     * As {@link #start(Settings, RedisServer, List, IntFunction, List)}, with a driver of the web
     * application type given: a {@link WebApplicationType#REACTIVE} driver listens on a free loopback
     * port (see {@link #driverPort()}), unless {@code driverProperties} say otherwise.
     */
    static JRayNodes start(Settings settings, RedisServer redis, List<String> jvmArgs,
            IntFunction<List<String>> workerArgs, WebApplicationType web, List<String> driverProperties)
            throws InterruptedException {
        JRayNodes nodes = new JRayNodes(settings);
        try {
            nodes.startWorkers(redis, jvmArgs, workerArgs);
            nodes.startDriver(redis, web, driverProperties);
            return nodes;
        }
        catch (RuntimeException | InterruptedException e) {
            nodes.close();
            throw e;
        }
    }

    private void startWorkers(RedisServer redis, List<String> jvmArgs, IntFunction<List<String>> workerArgs)
            throws InterruptedException {
        List<String> options = new ArrayList<>(settings.jvmArgs());
        options.addAll(jvmArgs);
        for (int i = 1; i <= settings.workerJvms(); i++) {
            List<String> args = new ArrayList<>(List.of("--spring.data.redis.host=" + redis.host(),
                    "--spring.data.redis.port=" + redis.port(), "--jray.namespace=" + NAMESPACE,
                    "--jray.node.cpus=" + settings.slotsPerJvm(),
                    "--jray.worker.scan-packages=" + BenchTasks.class.getPackageName()));
            args.addAll(workerArgs.apply(i));
            workers.add(WorkerProcess.startJar(settings.workerJar(), List.of(settings.classes()), options,
                    args, settings.logs().resolve("jray-worker-" + i + ".log")));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (redis.commands().scard(NAMESPACE + ":nodes") < settings.workerJvms()) {
            for (WorkerProcess worker : workers) {
                if (!worker.isAlive()) {
                    throw new IllegalStateException("a jray worker JVM exited, see " + worker.logFile());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the jray workers did not join within 90 s, see " + settings.logs());
            }
            Thread.sleep(100);
        }
    }

    private void startDriver(RedisServer redis, WebApplicationType web, List<String> driverProperties) {
        driver = new SpringApplicationBuilder(BenchDriverApplication.class).web(web)
                .logStartupInfo(false).registerShutdownHook(false)
                .properties("server.address=127.0.0.1", "server.port=0")
                .properties(driverProperties.toArray(String[]::new))
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN",
                        "spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
                        "jray.redis.embedded=never", "jray.namespace=" + NAMESPACE,
                        "jray.node.cpus=" + settings.slotsPerJvm())
                .run();
        jray = driver.getBean(JRay.class);
    }

    /** What every jray cluster of the benchmark is, for the reports: {@code driver JVM + 2 jray-worker JVMs, ...}. */
    static String describe(Settings settings) {
        return "driver JVM + " + settings.workerJvms() + " jray-worker JVMs, each a node with " + settings.slotsPerJvm()
                + " CPU slots";
    }

    /** The driver's jray. */
    JRay jray() {
        return jray;
    }

    /** A bean of the driver's Spring context, such as its {@code JRayNode}. */
    <T> T driverBean(Class<T> type) {
        return driver.getBean(type);
    }

    /** The port the driver's web server listens on (on 127.0.0.1); only for a web driver. */
    int driverPort() {
        String port = driver.getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the driver is not a web application");
        }
        return Integer.parseInt(port);
    }

    /** The process id of worker JVM {@code i} (from 1). */
    long workerPid(int i) {
        return workers.get(i - 1).pid();
    }

    List<ProcessHandle> workerProcesses() {
        return workers.stream().map(w -> ProcessHandle.of(w.pid())).flatMap(Optional::stream).toList();
    }

    @Override
    public synchronized void close() {
        if (driver != null) {
            driver.close();
        }
        workers.forEach(WorkerProcess::close);
    }
}
