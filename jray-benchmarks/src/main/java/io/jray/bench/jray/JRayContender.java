package io.jray.bench.jray;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.bench.Contender;
import io.jray.bench.RedisServer;
import io.jray.bench.Settings;
import io.jray.bench.tasks.BenchTasks;
import io.jray.test.WorkerProcess;

/**
 * jray on worker JVMs started from the executable {@code jray-worker} jar (the benchmark's classes on
 * their {@code loader.path}) plus a driver Spring context in this JVM; every node offers the same
 * number of CPU slots.
 */
public final class JRayContender implements Contender {

    private static final String NAMESPACE = "bench";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Settings settings;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private ConfigurableApplicationContext driver;
    private JRay jray;

    private JRayContender(Settings settings) {
        this.settings = settings;
    }

    /** Starts the worker JVMs, waits until they joined, then starts the driver. */
    public static JRayContender start(Settings settings, RedisServer redis) throws InterruptedException {
        JRayContender contender = new JRayContender(settings);
        try {
            contender.startWorkers(redis);
            contender.startDriver(redis);
            return contender;
        }
        catch (RuntimeException | InterruptedException e) {
            contender.close();
            throw e;
        }
    }

    private void startWorkers(RedisServer redis) throws InterruptedException {
        for (int i = 1; i <= settings.workerJvms(); i++) {
            List<String> args = List.of("--spring.data.redis.host=" + redis.host(),
                    "--spring.data.redis.port=" + redis.port(), "--jray.namespace=" + NAMESPACE,
                    "--jray.node.cpus=" + settings.slotsPerJvm(),
                    "--jray.worker.scan-packages=" + BenchTasks.class.getPackageName());
            workers.add(WorkerProcess.startJar(settings.workerJar(), List.of(settings.classes()), settings.jvmArgs(),
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

    private void startDriver(RedisServer redis) {
        driver = new SpringApplicationBuilder(BenchDriverApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).registerShutdownHook(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN",
                        "spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
                        "jray.redis.embedded=never", "jray.namespace=" + NAMESPACE,
                        "jray.node.cpus=" + settings.slotsPerJvm())
                .run();
        jray = driver.getBean(JRay.class);
    }

    @Override
    public String name() {
        return "jray";
    }

    @Override
    public String setup() {
        return "driver JVM + " + settings.workerJvms() + " jray-worker JVMs, each a node with "
                + settings.slotsPerJvm() + " CPU slots (tasks on virtual threads)";
    }

    @Override
    public List<ProcessHandle> workerProcesses() {
        return workers.stream().map(w -> ProcessHandle.of(w.pid())).flatMap(Optional::stream).toList();
    }

    @Override
    public long submitAllThenGetAll(int count) {
        List<ObjectRef<Integer>> refs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            refs.add(jray.task(BenchTasks::noop, i).remote());
        }
        long submitted = System.nanoTime();
        List<Integer> values = jray.get(refs, TIMEOUT);
        for (int i = 0; i < count; i++) {
            if (values.get(i) != i) {
                throw new IllegalStateException("task " + i + " returned " + values.get(i));
            }
        }
        return submitted;
    }

    @Override
    public void call(int i) {
        int value = jray.task(BenchTasks::noop, i).remote().get(TIMEOUT);
        if (value != i) {
            throw new IllegalStateException("task " + i + " returned " + value);
        }
    }

    @Override
    public synchronized void close() {
        if (driver != null) {
            driver.close();
        }
        workers.forEach(WorkerProcess::close);
    }
}
