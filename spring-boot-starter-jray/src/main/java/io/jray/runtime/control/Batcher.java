package io.jray.runtime.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Collects items from many threads and hands them to a flush function in batches, one batch in
 * flight at a time: while Redis works on one batch the next one grows, so batches are as large as
 * the load and a lone item goes out at once. A full queue blocks producers (back pressure).
 *
 * @param <T> the item type
 */
public final class Batcher<T> implements AutoCloseable {

    private static final Log log = LogFactory.getLog(Batcher.class);

    private final String name;
    private final int maxBatch;
    private final BlockingQueue<T> queue;
    private final Function<List<T>, CompletableFuture<?>> flush;
    private final Thread thread;
    private final AtomicLong added = new AtomicLong();
    private final Queue<Barrier> barriers = new ConcurrentLinkedQueue<>();
    private volatile long sent;
    private volatile boolean closed;

    private record Barrier(long position, CompletableFuture<Void> future) {
    }

    /**
     * @param flush sends a batch and returns a future completed when Redis answered; it must itself
     *        report failures to the owners of the items
     */
    public Batcher(String name, int capacity, int maxBatch, Function<List<T>, CompletableFuture<?>> flush) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flush = flush;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Adds an item, waiting while the queue is full. */
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

    private void releaseBarriers() {
        for (Barrier b = barriers.peek(); b != null && b.position() <= sent; b = barriers.peek()) {
            if (barriers.remove(b)) {
                b.future().complete(null);
            }
        }
    }

    /** How many items wait to be sent. */
    public int backlog() {
        return queue.size();
    }

    private void run() {
        List<T> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                T first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                try {
                    flush.apply(List.copyOf(batch)).join();
                }
                finally {
                    sent += batch.size();
                    releaseBarriers();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException e) {
                log.debug(name + ": a batch failed (reported to its items)", e);
            }
            finally {
                batch.clear();
            }
        }
    }

    /** Sends what is queued, then stops; waits at most {@code timeoutMillis}. */
    @Override
    public void close() {
        closeWithin(10_000);
    }

    public void closeWithin(long timeoutMillis) {
        closed = true;
        try {
            thread.join(timeoutMillis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
