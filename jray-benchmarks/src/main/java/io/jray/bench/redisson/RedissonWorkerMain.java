package io.jray.bench.redisson;

import java.util.concurrent.CountDownLatch;

import org.redisson.api.RedissonClient;
import org.redisson.api.WorkerOptions;

/**
 * A Redisson worker JVM: registers {@code threads} workers of the benchmark's executor service and
 * runs its tasks until the process is asked to stop.
 *
 * <pre>
 * java -cp ... io.jray.bench.redisson.RedissonWorkerMain host port threads
 * </pre>
 */
public final class RedissonWorkerMain {

    private RedissonWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        RedissonClient redisson = RedissonNodes.connect(args[0], Integer.parseInt(args[1]));
        int threads = Integer.parseInt(args[2]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            redisson.shutdown();
            stopped.countDown();
        }));
        redisson.getExecutorService(RedissonNodes.EXECUTOR).registerWorkers(WorkerOptions.defaults().workers(threads));
        System.out.println("Redisson worker ready: " + threads + " worker threads on executor '"
                + RedissonNodes.EXECUTOR + "'");
        stopped.await();
    }
}
