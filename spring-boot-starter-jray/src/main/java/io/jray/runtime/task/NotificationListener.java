package io.jray.runtime.task;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.Keys;
import io.jray.runtime.control.NoteField;
import io.jray.runtime.control.ObjectState;
import io.jray.runtime.control.StreamEntry;
import io.jray.runtime.control.StreamReader;
import io.jray.runtime.control.Streams;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.node.ClusterHealth;

/**
 * Reads, in one blocking call on the control plane's read loop, this node's inbox and its
 * notification stream in every job it waits in: settled objects complete their refs, control
 * messages go to the inbox handler. Streams are durable, so nothing is lost while the connection
 * recovers; read entries are trimmed.
 */
public final class NotificationListener implements StreamReader.Source, AutoCloseable {

    private static final Log log = LogFactory.getLog(NotificationListener.class);
    private static final long TRIM_EVERY_MILLIS = 2000;
    /** Field names of the notes in one entry: object id, state and (inline) payload of note k. */
    private static final String[] ID = names(NoteField.ID);
    private static final String[] STATE = names(NoteField.STATE);
    private static final String[] PAYLOAD = names(NoteField.PAYLOAD);

    private final Streams streams;
    private final Keys keys;
    private final String node;
    private volatile Consumer<Map<String, byte[]>> inboxHandler = message -> { };
    private final StreamReader reader;
    private volatile ObjectResolver resolver;
    private volatile long lastTrim = System.currentTimeMillis();

    public NotificationListener(Streams streams, Keys keys, String node, ClusterHealth health, Duration block) {
        this.streams = streams;
        this.keys = keys;
        this.node = node;
        this.reader = streams.plainReader("notification", block, null, null, health::onFailure, this);
    }

    /** Starts reading, delivering settled objects to {@code resolver} and the node's inbox messages to {@code inbox}. */
    public void start(ObjectResolver resolver, Consumer<Map<String, byte[]>> inbox) {
        this.resolver = resolver;
        this.inboxHandler = inbox;
        reader.watch(keys.inbox(node), "0-0");
        reader.start();
    }

    /** Reads this node's notifications in {@code job} from now on. */
    public void watch(String job) {
        reader.watch(keys.notifications(job, node), "0-0");
    }

    /** Stops reading the notifications of jobs that ended. */
    public void retainJobs(Set<String> active) {
        String inbox = keys.inbox(node);
        reader.retain(stream -> stream.equals(inbox) || active.contains(keys.jobOf(stream)));
    }

    @Override
    public int count(List<String> streams) {
        return 2000;
    }

    @Override
    public void received(List<StreamEntry> entries) {
        for (StreamEntry entry : entries) {
            deliverOrPassOver(entry);
        }
        trimNowAndThen();
    }

    /** Delivers a message; one that cannot be handled is logged once and passed over, never read again. */
    private void deliverOrPassOver(StreamEntry message) {
        try {
            deliver(message);
        }
        catch (RuntimeException e) {
            log.warn("Ignoring a malformed message " + message.id() + " in " + message.stream() + " (fields "
                    + message.body().keySet() + "): " + e);
        }
    }

    private void deliver(StreamEntry message) {
        Map<String, byte[]> body = message.body();
        String stream = message.stream();
        if (stream.equals(keys.inbox(node))) {
            inboxHandler.accept(body);
            return;
        }
        String job = keys.jobOf(stream);
        if (job == null || !body.containsKey(ID[0])) {
            log.warn("Ignoring a malformed notification " + message.id() + " in " + stream);
            return;
        }
        for (int k = 0; k < NoteField.PER_ENTRY && body.containsKey(ID[k]); k++) {
            byte[] id = body.get(ID[k]);
            byte[] status = body.get(STATE[k]);
            if (status == null) {
                log.warn("Ignoring a malformed notification " + message.id() + " in " + stream);
                return;
            }
            if (NoteField.BACKLOG.equals(text(status))) {
                resolver.workOffBacklog(job);
            }
            else {
                resolver.settle(new ObjectId(job, text(id)), ObjectState.of(text(status), body.get(PAYLOAD[k])));
            }
        }
    }

    private void trimNowAndThen() {
        if (System.currentTimeMillis() - lastTrim < TRIM_EVERY_MILLIS) {
            return;
        }
        lastTrim = System.currentTimeMillis();
        reader.positions().forEach((stream, id) -> {
            if (!id.equals("0-0")) {
                streams.trimUpTo(stream, id);
            }
        });
    }

    private static String[] names(NoteField field) {
        String[] names = new String[NoteField.PER_ENTRY];
        for (int k = 0; k < names.length; k++) {
            names[k] = field.at(k);
        }
        return names;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Stops reading: ends the read in progress and closes the connection. */
    @Override
    public void close() {
        reader.close();
    }
}
