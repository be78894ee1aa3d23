package io.jray.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import io.jray.runtime.control.history.HistoryEvent;
import io.jray.runtime.control.history.HistoryIndexer;

/**
 * The task events of the cluster's event stream in Redis, as the history indexer reads them,
 * shared by every live page: a page subscribes to {@link #events()} and is pushed what concerns it.
 * A slow subscriber drops batches rather than holding up the indexer.
 */
final class LiveEvents implements AutoCloseable {

    private final Sinks.Many<List<HistoryEvent>> sink = Sinks.many().multicast().directBestEffort();
    private final HistoryIndexer indexer;
    private final Consumer<List<HistoryEvent>> listener = batch -> sink.tryEmitNext(batch);
    private int subscribers;

    LiveEvents(HistoryIndexer indexer) {
        this.indexer = indexer;
    }

    /** Batches of events from now on; the indexer decodes events for pages only while a page listens. */
    Flux<List<HistoryEvent>> events() {
        return Flux.defer(() -> {
            subscribed(1);
            return sink.asFlux();
        }).doFinally(signal -> subscribed(-1)).onBackpressureDrop();
    }

    private synchronized void subscribed(int change) {
        subscribers += change;
        if (subscribers == 1 && change > 0) {
            indexer.addListener(listener);
        }
        else if (subscribers == 0) {
            indexer.removeListener(listener);
        }
    }

    /**
     * A tick at most every {@code least} while events come, and every {@code most} otherwise: when
     * a page that shows aggregates should read them again.
     */
    Flux<Object> changes(Duration least, Duration most) {
        return Flux.merge(Flux.interval(Duration.ZERO, most), events().sample(least)).onBackpressureDrop();
    }

    @Override
    public void close() {
        indexer.removeListener(listener);
        sink.tryEmitComplete();
    }
}
