package io.jray.bench.startup;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.bench.jray.BenchDriverApplication;
import io.jray.bench.tasks.BenchTasks;

/**
 * A fresh driver JVM of the start-up suite: starts its node (submitting only), runs one task, then
 * batches of empty tasks submitted asynchronously, and prints each figure as {@code name=value} for
 * {@link StartupBenchmark} to read.
 *
 * <p>Arguments: Redis host, port, namespace, tasks per batch, batches.
 */
public final class StartupDriver {

    private StartupDriver() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int tasks = Integer.parseInt(args[3]);
        int batches = Integer.parseInt(args[4]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchDriverApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "spring.data.redis.host=" + args[0],
                        "spring.data.redis.port=" + args[1], "jray.redis.embedded=never", "jray.namespace=" + args[2],
                        "jray.worker.enabled=false")
                .run()) {
            System.out.println("ready-ms=" + (System.currentTimeMillis() - jvmStart));
            JRay jray = context.getBean(JRay.class);
            long first = System.nanoTime();
            jray.get(jray.task(BenchTasks::noop, 0).remote());
            System.out.println("first-task-ms=" + (System.nanoTime() - first) / 1_000_000.0);
            for (int b = 1; b <= batches; b++) {
                long start = System.nanoTime();
                List<ObjectRef<Integer>> refs = new ArrayList<>(tasks);
                for (int i = 0; i < tasks; i++) {
                    refs.add(jray.task(BenchTasks::noop, i).remote());
                }
                jray.get(refs);
                System.out.println("batch-" + b + "-tasks-per-s=" + tasks * 1e9 / (System.nanoTime() - start));
            }
        }
        System.exit(0);
    }
}
