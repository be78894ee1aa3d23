package io.jray.runtime.task;

import java.lang.ref.Cleaner;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.core.ObjectId;

/**
 * Reference counting by owner, on this node's side: each ref this node makes for an object it owns
 * (a task's result, a {@code put} value) is watched by a {@link Cleaner}; when the garbage
 * collector finds it unreachable, the object is released in Redis, which frees it once no unsettled
 * task takes it. A ref that escaped this JVM (serialized inside a value, passed to another job, or
 * given to an actor's constructor) is pinned instead: copies elsewhere are not counted, so its
 * object lives until its job ends.
 */
final class RefTracker {

    private static final Log log = LogFactory.getLog(RefTracker.class);
    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().name("jray-ref-cleaner")
            .daemon().factory());

    private final String node;
    private final Set<ObjectId> pinned = ConcurrentHashMap.newKeySet();
    private volatile Consumer<ObjectId> release = id -> {
    };

    RefTracker(String node) {
        this.node = node;
    }

    /** Where released objects go; set once the submitter exists. */
    void releaseTo(Consumer<ObjectId> release) {
        this.release = release;
    }

    /** Watches a ref this node made for an object it owns. */
    void track(ObjectRefImpl<?> ref) {
        ObjectId id = ref.objectId();
        // why: the action must not capture the ref, or it would never become unreachable
        CLEANER.register(ref, () -> released(id));
    }

    /** The ref left this JVM in a way that is not counted: its object stays until its job ends. */
    void pin(ObjectRefImpl<?> ref) {
        if (ref.owner().equals(node)) {
            pinned.add(ref.objectId());
        }
    }

    private void released(ObjectId id) {
        if (pinned.remove(id)) {
            return;
        }
        try {
            release.accept(id);
        }
        catch (RuntimeException e) {
            log.debug("Could not release " + id + " (it is freed with its job): " + e);
        }
    }
}
