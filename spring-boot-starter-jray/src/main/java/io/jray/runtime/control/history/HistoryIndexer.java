package io.jray.runtime.control.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.EventField;
import io.jray.runtime.control.HistoryKey;
import io.jray.runtime.control.ScriptSchema;
import io.jray.runtime.control.StreamEntry;
import io.jray.runtime.control.StreamReader;
import io.jray.runtime.control.redis.LuaScript;
import io.jray.runtime.core.ObjectId;

/**
 * Keeps the task history of a namespace in Redis, off the task path: while it runs, the control
 * plane's scripts append what they do to tasks to the event stream {@code <ns>:ev}; this reads the
 * stream on a virtual thread, hands the events to its listeners (the dashboard's live pages) and
 * applies them to the history index (see {@code index.lua}) that {@link TaskHistory} pages
 * through. Every dashboard node runs one; the index's cursor makes each entry count once.
 */
public final class HistoryIndexer implements AutoCloseable {

    private static final Log log = LogFactory.getLog(HistoryIndexer.class);
    private static final Duration BLOCK = Duration.ofSeconds(1);
    private static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(10);
    private static final int BATCH = 1000;
    private static final long NODES_LEARN_MILLIS = 1500;

    private final ControlPlane control;
    private final int capacity;
    private final LuaScript index = ScriptSchema.load(HistoryIndexer.class, "index.lua");
    private final List<Consumer<List<HistoryEvent>>> listeners = new CopyOnWriteArrayList<>();
    /** Where events are indexed and handed to listeners: one virtual thread, in order. */
    private final ExecutorService indexing = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("jray-history").factory());
    private final StreamReader reader;
    private volatile boolean running;
    private volatile long listeningSince;
    private volatile long announced;

    /**
     * @param size how many tasks the history keeps at least; the index rounds it up to a multiple of 4096
     */
    public HistoryIndexer(ControlPlane control, int size) {
        this.control = control;
        this.capacity = TaskHistory.capacity(size);
        this.reader = control.streams().plainReader("history", BLOCK, indexing, indexing, e -> {
        }, new Source());
    }

    /**
     * Announces that it listens, so this node's tasks enter the history from now on, then reads and
     * indexes on a thread of its own (and announces again every {@code 10 s}).
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        try {
            announce().get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            log.warn("jray history: could not announce the dashboard, retrying: " + e);
        }
        indexing.execute(() -> {
            reader.watch(control.keys().events(), cursor());
            reader.start();
        });
    }

    private java.util.concurrent.CompletableFuture<String> announce() {
        announced = System.currentTimeMillis();
        return control.redis().text().set(control.keys().eventsListened(), "1",
                SetArgs.Builder.px(ANNOUNCE_EVERY.toMillis() * 3)).toCompletableFuture().thenApply(ok -> {
                    control.recordEvents(true);
                    if (listeningSince == 0) {
                        listeningSince = System.currentTimeMillis();
                    }
                    return ok;
                });
    }

    /**
     * Whether the nodes know that it listens, so tasks submitted from now on enter the history: this
     * node's scripts record events at once, the others' from their next heartbeat, assumed to come
     * within {@value #NODES_LEARN_MILLIS} ms.
     */
    public boolean isListening() {
        long since = listeningSince;
        return since > 0 && System.currentTimeMillis() - since >= NODES_LEARN_MILLIS;
    }

    /** Hands every batch of events read from now on to {@code listener}, on the indexer's thread. */
    public void addListener(Consumer<List<HistoryEvent>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<HistoryEvent>> listener) {
        listeners.remove(listener);
    }

    /** What the read loop reads (the event stream, from the index's cursor) and does with it. */
    private final class Source implements StreamReader.Source {

        @Override
        public int count(List<String> streams) {
            if (running && System.currentTimeMillis() - announced >= ANNOUNCE_EVERY.toMillis()) {
                announce().exceptionally(e -> {
                    log.warn("jray history: could not announce the dashboard, retrying: " + e);
                    return null;
                });
            }
            return BATCH;
        }

        @Override
        public void received(List<StreamEntry> entries) {
            try {
                apply(entries);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (Exception e) {
                // why: the index's cursor says which events count; reading goes on from there
                log.warn("jray history: indexing events failed, reading again from the index's cursor: " + e);
                reader.reposition(control.keys().events(), cursor());
                return;
            }
            publish(entries);
        }
    }

    /** The index's cursor: the id of the last event it applied; waits for Redis while it is running. */
    private String cursor() {
        while (running) {
            try {
                String cursor = control.redis().text().get(historyKey(HistoryKey.CURSOR.code()))
                        .get(10, TimeUnit.SECONDS);
                return cursor == null ? "0-0" : cursor;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (Exception e) {
                log.warn("jray history: could not read the index's cursor, retrying in a second: " + e);
                pause();
            }
        }
        return "0-0";
    }

    private void apply(List<StreamEntry> entries) throws Exception {
        List<byte[]> args = new ArrayList<>(1 + entries.size() * 3);
        args.add(bytes(Integer.toString(capacity)));
        for (StreamEntry entry : entries) {
            args.add(bytes(entry.id()));
            args.add(entry.body().getOrDefault(EventField.PREFIX.code(), new byte[0]));
            args.add(entry.body().getOrDefault(EventField.EVENTS.code(), new byte[0]));
        }
        index.eval(control.redis().async(), ScriptOutputType.INTEGER, new String[] {control.keys().namespace()},
                args.toArray(byte[][]::new)).get(30, TimeUnit.SECONDS);
    }

    private void publish(List<StreamEntry> entries) {
        if (listeners.isEmpty()) {
            return;
        }
        List<HistoryEvent> events = new ArrayList<>();
        for (StreamEntry entry : entries) {
            String job = control.keys().jobOf(text(entry.body().get(EventField.PREFIX.code())));
            long at = entry.appendedAt();
            String[] words = text(entry.body().get(EventField.EVENTS.code())).split(" ");
            for (int k = 0; job != null && k + 2 < words.length; k += 3) {
                events.add(new HistoryEvent(new ObjectId(job, words[k + 1]), words[k],
                        "-".equals(words[k + 2]) ? null : words[k + 2], at));
            }
        }
        List<HistoryEvent> batch = List.copyOf(events);
        for (Consumer<List<HistoryEvent>> listener : listeners) {
            try {
                listener.accept(batch);
            }
            catch (RuntimeException e) {
                log.warn("jray history: a listener failed: " + e);
            }
        }
    }

    private String historyKey(String name) {
        return control.keys().history() + name;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        reader.close();
        indexing.shutdown();
        try {
            indexing.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
