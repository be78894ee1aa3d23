package io.jray.runtime.worker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.jray.runtime.control.Keys;
import io.jray.runtime.core.ObjectId;

/**
 * An actor living on this node: its instance and its mailbox. Calls start in the order they were
 * read from the actor's stream, at most {@code concurrency} at a time (one by default, so each runs
 * alone, in order), without a new thread per call.
 */
final class HostedActor {

    /** Calls read ahead into the mailbox; beyond this the actor's stream is not read. */
    static final int MAILBOX_LIMIT = 1000;

    private final ObjectId id;
    private final String className;
    private final Object instance;
    private final int concurrency;
    private final Runnable releaseResources;
    private final long epoch;
    private static final Runnable NOTHING = () -> { };

    private final Deque<Delivery> mailbox = new ArrayDeque<>();
    private int running;
    private boolean stopped;

    /** @param epoch the registration of this node it was created under: its calls answer in that epoch */
    HostedActor(ObjectId id, String className, Object instance, int concurrency, Runnable releaseResources,
            long epoch) {
        this.id = id;
        this.epoch = epoch;
        this.className = className;
        this.instance = instance;
        this.concurrency = Math.max(1, concurrency);
        this.releaseResources = releaseResources;
    }

    ObjectId id() {
        return id;
    }

    long epoch() {
        return epoch;
    }

    String className() {
        return className;
    }

    Object instance() {
        return instance;
    }

    /** The key suffix of its call stream. */
    String queue() {
        return Keys.actorQueue(id.id());
    }

    synchronized boolean wantsMore() {
        return !stopped && mailbox.size() < MAILBOX_LIMIT;
    }

    /**
     * Queues a call. Up to {@code concurrency} virtual threads take calls from the mailbox in
     * order, each running calls one after another until the mailbox is empty.
     */
    void enqueue(Delivery call, TaskRunner runner, Runnable afterCall) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            mailbox.addLast(call);
            if (running >= concurrency) {
                return;
            }
            running++;
        }
        runner.spawn(() -> runCalls(runner, afterCall));
    }

    private void runCalls(TaskRunner runner, Runnable afterCall) {
        while (true) {
            Delivery next;
            synchronized (this) {
                next = stopped ? null : mailbox.pollFirst();
                if (next == null) {
                    running--;
                    return;
                }
            }
            runner.runHere(next, NOTHING);
            afterCall.run();
        }
    }

    /** Stops taking calls; gives back the actor's resources once. */
    /** Stops taking calls; returns the calls read but not started, to be given back. */
    List<Delivery> stop() {
        List<Delivery> left;
        synchronized (this) {
            if (stopped) {
                return List.of();
            }
            stopped = true;
            left = List.copyOf(mailbox);
            mailbox.clear();
        }
        releaseResources.run();
        return left;
    }
}
