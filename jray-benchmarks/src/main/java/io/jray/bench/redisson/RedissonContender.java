package io.jray.bench.redisson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.redisson.Redisson;
import org.redisson.api.RExecutorFuture;
import org.redisson.api.RExecutorService;
import org.redisson.api.RedissonClient;
import org.redisson.api.WorkerOptions;

import io.jray.bench.Contender;
import io.jray.bench.RedisServer;
import io.jray.bench.Settings;
import io.jray.test.WorkerProcess;

/**
 * Redisson's {@link RExecutorService}: worker JVMs running {@link RedissonWorkerMain}, and this JVM
 * as the driver that submits {@link NoopTask}s, which also registers as many workers as each
 * worker JVM, so both systems run tasks in the same JVMs with the same number of slots.
 */
public final class RedissonContender implements Contender {

    private static final long TIMEOUT_SECONDS = 120;

    private final Settings settings;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private RedissonClient redisson;
    private RExecutorService executor;

    private RedissonContender(Settings settings) {
        this.settings = settings;
    }

    /** Starts the worker JVMs and the driver's client and workers, and waits until all are active. */
    public static RedissonContender start(Settings settings, RedisServer redis) throws InterruptedException {
        RedissonContender contender = new RedissonContender(settings);
        try {
            contender.startWorkers(redis);
            contender.startDriver(redis);
            contender.awaitWorkers();
            return contender;
        }
        catch (RuntimeException | InterruptedException e) {
            contender.close();
            throw e;
        }
    }

    private void startWorkers(RedisServer redis) {
        String classpath = System.getProperty("java.class.path");
        for (int i = 1; i <= settings.workerJvms(); i++) {
            workers.add(WorkerProcess.startMain(RedissonWorkerMain.class.getName(), classpath, settings.jvmArgs(),
                    List.of(redis.host(), Integer.toString(redis.port()), Integer.toString(settings.slotsPerJvm())),
                    settings.logs().resolve("redisson-worker-" + i + ".log")));
        }
    }

    private void startDriver(RedisServer redis) {
        redisson = RedissonNodes.connect(redis.host(), redis.port());
        executor = redisson.getExecutorService(RedissonNodes.EXECUTOR);
        executor.registerWorkers(WorkerOptions.defaults().workers(settings.slotsPerJvm()));
    }

    private void awaitWorkers() throws InterruptedException {
        int expected = (settings.workerJvms() + 1) * settings.slotsPerJvm();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (executor.countActiveWorkers() < expected) {
            for (WorkerProcess worker : workers) {
                if (!worker.isAlive()) {
                    throw new IllegalStateException("a Redisson worker JVM exited, see " + worker.logFile());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Redisson workers did not register within 90 s, see "
                        + settings.logs());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public String name() {
        return "Redisson";
    }

    @Override
    public String setup() {
        return "driver JVM + " + settings.workerJvms() + " worker JVMs, each with " + settings.slotsPerJvm()
                + " RExecutorService worker threads (Redisson " + Redisson.class.getPackage()
                .getImplementationVersion() + ", default codec)";
    }

    @Override
    public List<ProcessHandle> workerProcesses() {
        return workers.stream().map(w -> ProcessHandle.of(w.pid())).flatMap(Optional::stream).toList();
    }

    @Override
    public long submitAllThenGetAll(int count) throws Exception {
        List<RExecutorFuture<Integer>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            futures.add(executor.submitAsync(new NoopTask(i)));
        }
        long submitted = System.nanoTime();
        long deadline = submitted + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (int i = 0; i < count; i++) {
            int value = futures.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (value != i) {
                throw new IllegalStateException("task " + i + " returned " + value);
            }
        }
        return submitted;
    }

    @Override
    public void call(int i) throws Exception {
        int value = executor.submitAsync(new NoopTask(i)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (value != i) {
            throw new IllegalStateException("task " + i + " returned " + value);
        }
    }

    @Override
    public synchronized void close() {
        if (redisson != null && !redisson.isShutdown()) {
            redisson.shutdown();
        }
        workers.forEach(WorkerProcess::close);
    }
}
