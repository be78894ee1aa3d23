package io.jray.dashboard;

import org.springframework.context.SmartLifecycle;

import io.jray.runtime.control.history.HistoryIndexer;

/**
 * Starts the history indexer after the jray node (phase 1000) and stops it before, so it never
 * reads through connections the node already closed.
 */
final class HistoryIndexerLifecycle implements SmartLifecycle {

    static final int PHASE = 2000;

    private final HistoryIndexer indexer;
    private volatile boolean running;

    HistoryIndexerLifecycle(HistoryIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public void start() {
        indexer.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        indexer.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
