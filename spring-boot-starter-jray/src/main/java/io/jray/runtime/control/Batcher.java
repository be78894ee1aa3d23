package io.jray.runtime.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Collects items from many threads and hands them to a flush function in batches, one batch in
 * flight at a time: while Redis works on one batch the next one grows, so batches are as large as
 * the load. It has no thread of its own: a producer that finds nothing in flight sends its item at
 * once, and each answer from Redis sends what gathered meanwhile, so a lone item costs no thread
 * hand-off. A full queue blocks producers (back pressure).
 *
 * @param <T> the item type
 */
public final class Batcher<T> implements AutoCloseable {

    private static final Log log = LogFactory.getLog(Batcher.class);

    private final String name;
    private final int maxBatch;
    private final BlockingQueue<T> queue;
    private final Function<List<T>, CompletableFuture<?>> flush;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Queue<Barrier> barriers = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private record Barrier(long position, CompletableFuture<Void> future) {
    }

    /**
     * @param flush sends a batch and returns a future completed when Redis answered; it must not
     *        block, and must itself report failures to the owners of the items
     */
    public Batcher(String name, int capacity, int maxBatch, Function<List<T>, CompletableFuture<?>> flush) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flush = flush;
    }

    /** Adds an item, waiting while the queue is full, and sends it at once if nothing is in flight. */
    public void add(T item) {
        if (closed) {
            throw new IllegalStateException(name + " is closed: the node is shutting down");
        }
        try {
            added.incrementAndGet();
            queue.put(item);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " was full", e);
        }
        if (inFlight.compareAndSet(false, true)) {
            send();
        }
    }

    /**
     * A future completed once every item added before this call has been sent and answered (or
     * failed): what comes after it cannot overtake them.
     */
    public CompletableFuture<Void> barrier() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        barriers.add(new Barrier(added.get(), future));
        releaseBarriers();
        return future;
    }

    /** How many items wait to be sent. */
    public int backlog() {
        return queue.size();
    }

    /** Sends batches while items wait; runs only while this thread holds the in-flight flag. */
    private void send() {
        while (true) {
            List<T> batch = new ArrayList<>(Math.min(maxBatch, queue.size() + 1));
            queue.drainTo(batch, maxBatch);
            if (batch.isEmpty()) {
                inFlight.set(false);
                // why: an item added after the drain but before the reset left its sending to us
                if (queue.isEmpty() || !inFlight.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            CompletableFuture<?> answered;
            try {
                answered = flush.apply(batch);
            }
            catch (RuntimeException e) {
                log.warn(name + ": a batch of " + batch.size() + " could not be sent", e);
                answered = CompletableFuture.completedFuture(null);
            }
            if (!answered.isDone()) {
                answered.whenComplete((ok, error) -> {
                    finished(batch.size());
                    send();
                });
                return;
            }
            finished(batch.size());
        }
    }

    private void finished(int count) {
        sent.addAndGet(count);
        releaseBarriers();
    }

    private void releaseBarriers() {
        for (Barrier b = barriers.peek(); b != null && b.position() <= sent.get(); b = barriers.peek()) {
            if (barriers.remove(b)) {
                b.future().complete(null);
            }
        }
    }

    /** Refuses new items and waits (at most 10 s) until those queued have been answered. */
    @Override
    public void close() {
        closeWithin(10_000);
    }

    public void closeWithin(long timeoutMillis) {
        closed = true;
        try {
            barrier().get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            log.warn(name + ": " + queue.size() + " item(s) were not sent before shutdown");
        }
    }
}
