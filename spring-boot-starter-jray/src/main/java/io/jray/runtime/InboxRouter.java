package io.jray.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.Inbox;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.worker.Worker;

/**
 * Routes the messages of a node's inbox to the parts they concern: the job directory changed, a
 * task was cancelled, an actor killed, an object freed, the node asked to drain. Each message is
 * handled without blocking the listener's thread for long; an unknown kind is logged and dropped.
 */
final class InboxRouter {

    private static final Log log = LogFactory.getLog(InboxRouter.class);

    private final Worker worker;
    private final LargeObjects objects;
    private final Executor timers;
    private final Executor io;
    private final Runnable refreshDirectory;
    private final Runnable drain;

    /** {@code worker} is {@code null} on a node that runs no tasks; {@code io} runs the file deletions. */
    InboxRouter(Worker worker, LargeObjects objects, Executor timers, Executor io, Runnable refreshDirectory,
            Runnable drain) {
        this.worker = worker;
        this.objects = objects;
        this.timers = timers;
        this.io = io;
        this.refreshDirectory = refreshDirectory;
        this.drain = drain;
    }

    void route(Map<String, byte[]> message) {
        String type = text(message.get("m"));
        String argument = text(message.get("x"));
        switch (type) {
            case Inbox.JOBS -> timers.execute(refreshDirectory);
            case Inbox.CANCEL -> {
                if (worker != null) {
                    worker.cancel(ObjectId.parse(argument));
                }
            }
            case Inbox.KILL_ACTOR -> {
                if (worker != null) {
                    worker.killActor(ObjectId.parse(argument));
                }
            }
            // why: deleting files is I/O; the two timer threads must keep beating
            case Inbox.FREE -> io.execute(() -> objects.deleteFreed(argument));
            case Inbox.DRAIN -> drain.run();
            default -> log.warn("Ignoring an inbox message of unknown type '" + type + "'");
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
