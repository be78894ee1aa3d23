package io.jray.autoconfigure;

import java.util.concurrent.CountDownLatch;

import org.springframework.context.SmartLifecycle;

import io.jray.runtime.JRayNode;

/**
 * Joins the cluster once the context is refreshed, and leaves it before Redis connections close. A
 * node that runs tasks keeps the JVM alive meanwhile (its own threads are daemons), so a plain
 * application without a web server serves as a worker until it is stopped; stopping it (SIGTERM)
 * drains it.
 */
final class JRayNodeLifecycle implements SmartLifecycle {

    /** After the Lettuce connection factory (phase 0) starts, before it stops. */
    static final int PHASE = 1000;

    private final JRayNode node;
    private final boolean keepAlive;
    private final CountDownLatch stopped = new CountDownLatch(1);

    JRayNodeLifecycle(JRayNode node, boolean keepAlive) {
        this.node = node;
        this.keepAlive = keepAlive;
    }

    @Override
    public void start() {
        try {
            node.start();
            if (keepAlive) {
                Thread.ofPlatform().name("jray-keep-alive").daemon(false).start(this::awaitStop);
            }
        }
        catch (Exception e) {
            throw new IllegalStateException("jray could not join the cluster at Redis " + node.control().membership().address()
                    + ": " + e.getMessage(), e);
        }
    }

    private void awaitStop() {
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        try {
            node.close();
        }
        finally {
            stopped.countDown();
        }
    }

    @Override
    public boolean isRunning() {
        return node.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
