package io.jray.bench.jray;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.bench.Contender;
import io.jray.bench.RedisServer;
import io.jray.bench.Settings;
import io.jray.bench.tasks.BenchTasks;

/**
 * jray's tasks on worker JVMs started from the executable {@code jray-worker} jar (the benchmark's
 * classes on their {@code loader.path}) plus a driver Spring context in this JVM; every node offers
 * the same number of CPU slots.
 */
public final class JRayContender implements Contender {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Settings settings;
    private final JRayNodes nodes;
    private final JRay jray;

    private JRayContender(Settings settings, JRayNodes nodes) {
        this.settings = settings;
        this.nodes = nodes;
        this.jray = nodes.jray();
    }

    /** Starts the worker JVMs, waits until they joined, then starts the driver. */
    public static JRayContender start(Settings settings, RedisServer redis) throws InterruptedException {
        return new JRayContender(settings, JRayNodes.start(settings, redis, i -> List.of()));
    }

    @Override
    public String name() {
        return "jray";
    }

    /** The cluster's {@code jray.namespace}: its keys in Redis start with it. */
    public String namespace() {
        return JRayNodes.NAMESPACE;
    }

    @Override
    public String setup() {
        return JRayNodes.describe(settings) + " (tasks on virtual threads)";
    }

    @Override
    public List<ProcessHandle> workerProcesses() {
        return nodes.workerProcesses();
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
    public void close() {
        nodes.close();
    }
}
