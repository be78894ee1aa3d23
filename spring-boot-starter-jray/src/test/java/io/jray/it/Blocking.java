package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jray.api.RemoteTask;
import io.jray.runtime.core.TaskContext;

/**
 * Remote functions that let a test see and steer what runs: tasks wait at a gate the test opens,
 * and record that they started, were interrupted, or ran at all. The state is static, shared by
 * every node of the JVM: call {@link #reset()} before each test.
 */
@RemoteTask
public class Blocking {

    private static volatile CountDownLatch gate = new CountDownLatch(1);
    private static final Semaphore arrived = new Semaphore(0);
    private static final AtomicInteger interrupted = new AtomicInteger();
    private static final Queue<String> remembered = new ConcurrentLinkedQueue<>();

    /** Closes the gate and forgets what ran. */
    static void reset() {
        gate.countDown();
        gate = new CountDownLatch(1);
        arrived.drainPermits();
        interrupted.set(0);
        remembered.clear();
    }

    /** Lets every task waiting at the gate, and every later one, pass. */
    static void openGate() {
        gate.countDown();
    }

    /** Waits until {@code count} more tasks have arrived at the gate. */
    static boolean awaitArrivals(int count, Duration timeout) throws InterruptedException {
        return arrived.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static int interruptions() {
        return interrupted.get();
    }

    static List<String> remembered() {
        return List.copyOf(remembered);
    }

    /** Waits at the gate (interruptibly), then returns {@code x}. */
    public int atGate(int x) throws InterruptedException {
        arrived.release();
        try {
            gate.await();
        }
        catch (InterruptedException e) {
            interrupted.incrementAndGet();
            throw e;
        }
        return x;
    }

    /** The same, declared asynchronous: a call on the proxy returns at once. */
    public CompletableFuture<Integer> atGateLater(int x) throws InterruptedException {
        return CompletableFuture.completedFuture(atGate(x));
    }

    /** The task this call runs as ({@code job/object}), or {@code null} when it runs as a plain call. */
    public String whereAmI() {
        TaskContext context = TaskContext.current();
        return context == null ? null : context.taskId().toString();
    }

    /** Records that it ran. */
    public void remember(String text) {
        remembered.add(text);
    }
}
