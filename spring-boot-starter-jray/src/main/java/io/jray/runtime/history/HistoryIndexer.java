package io.jray.runtime.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.redis.BlockingConnection;
import io.jray.runtime.redis.LuaScript;

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
    private final LuaScript index = LuaScript.fromClasspath(HistoryIndexer.class, "index.lua");
    private final List<Consumer<List<HistoryEvent>>> listeners = new CopyOnWriteArrayList<>();
    private final BlockingConnection connection;
    private volatile boolean running;
    private volatile long listeningSince;
    private volatile long announced;
    private Thread thread;

    /**
     * @param size how many tasks the history keeps at least; the index rounds it up to a multiple of 4096
     */
    public HistoryIndexer(ControlPlane control, int size) {
        this.control = control;
        this.capacity = TaskHistory.capacity(size);
        this.connection = control.redis().openBlocking(BLOCK.plusSeconds(10));
    }

    /**
     * Announces that it listens, so this node's tasks enter the history from now on, then reads and
     * indexes on a thread of its own (which announces again every {@code 10 s}).
     */
    public synchronized void start() {
        if (thread == null) {
            running = true;
            try {
                announce();
            }
            catch (Exception e) {
                log.warn("jray history: could not announce the dashboard, retrying: " + e);
            }
            thread = Thread.ofVirtual().name("jray-history").start(this::run);
        }
    }

    private void announce() throws Exception {
        control.redis().text().set(control.keys().eventsListened(), "1",
                SetArgs.Builder.px(ANNOUNCE_EVERY.toMillis() * 3)).get(10, TimeUnit.SECONDS);
        control.recordEvents(true);
        long now = System.currentTimeMillis();
        if (listeningSince == 0) {
            listeningSince = now;
        }
        announced = now;
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

    private void run() {
        String stream = control.keys().events();
        String position = null;
        while (running) {
            try {
                if (System.currentTimeMillis() - announced >= ANNOUNCE_EVERY.toMillis()) {
                    announce();
                }
                if (position == null) {
                    String cursor = control.redis().text().get(historyKey("cursor")).get(10, TimeUnit.SECONDS);
                    position = cursor == null ? "0-0" : cursor;
                }
                List<StreamMessage<String, byte[]>> entries = connection.forRead()
                        .xread(XReadArgs.Builder.block(BLOCK).count(BATCH), XReadArgs.StreamOffset.from(stream, position))
                        .get(BLOCK.toMillis() + 10_000, TimeUnit.MILLISECONDS);
                if (entries == null || entries.isEmpty()) {
                    continue;
                }
                position = entries.getLast().getId();
                apply(entries);
                publish(entries);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (Exception e) {
                if (running) {
                    log.warn("jray history: reading or indexing events failed, retrying in a second: " + e);
                    connection.markStale();
                    position = null;
                    pause();
                }
            }
        }
    }

    private void apply(List<StreamMessage<String, byte[]>> entries) throws Exception {
        List<byte[]> args = new ArrayList<>(1 + entries.size() * 3);
        args.add(bytes(Integer.toString(capacity)));
        for (StreamMessage<String, byte[]> entry : entries) {
            args.add(bytes(entry.getId()));
            args.add(entry.getBody().getOrDefault("p", new byte[0]));
            args.add(entry.getBody().getOrDefault("e", new byte[0]));
        }
        index.eval(control.redis().async(), ScriptOutputType.INTEGER, new String[] {control.keys().namespace()},
                args.toArray(byte[][]::new)).get(30, TimeUnit.SECONDS);
    }

    private void publish(List<StreamMessage<String, byte[]>> entries) {
        if (listeners.isEmpty()) {
            return;
        }
        List<HistoryEvent> events = new ArrayList<>();
        for (StreamMessage<String, byte[]> entry : entries) {
            String job = control.keys().jobOf(text(entry.getBody().get("p")));
            long at = Long.parseLong(entry.getId().substring(0, entry.getId().indexOf('-')));
            String[] words = text(entry.getBody().get("e")).split(" ");
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
        connection.wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(5000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connection.close();
    }
}
