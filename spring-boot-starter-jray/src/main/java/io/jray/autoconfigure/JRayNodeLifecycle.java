package io.jray.autoconfigure;

import org.springframework.context.SmartLifecycle;

import io.jray.runtime.JRayNode;

/** Joins the cluster once the context is refreshed, and leaves it before Redis connections close. */
final class JRayNodeLifecycle implements SmartLifecycle {

    /** After the Lettuce connection factory (phase 0) starts, before it stops. */
    static final int PHASE = 1000;

    private final JRayNode node;

    JRayNodeLifecycle(JRayNode node) {
        this.node = node;
    }

    @Override
    public void start() {
        try {
            node.start();
        }
        catch (Exception e) {
            throw new IllegalStateException("jray could not join the cluster at Redis " + node.control().redis().address()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        node.close();
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
