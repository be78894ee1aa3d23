package io.jray.runtime.control;

import io.jray.runtime.core.ObjectId;

/**
 * What a node reports about a task it read from a queue.
 *
 * @param task the task
 * @param attempt the attempt it ran as
 * @param queue the queue it was read from (the key suffix: {@code q:<shape>} or {@code a:<actor>})
 * @param entryId the queue entry, acknowledged by every kind but {@link Kind#STARTED}
 * @param kind what happened
 * @param payload the value ({@link Kind#FINISHED}), its size as text ({@link Kind#FINISHED_LARGE}: the
 *        value is in this node's object store) or error ({@link Kind#FAILED}, {@link Kind#RETRY})
 * @param startedAt when it started, epoch ms (0 if it did not)
 * @param epoch the node's registration it was read under; for an actor call, the one its actor
 *        instance was created under (only the actor's current host and epoch may answer its calls)
 * @param log what the attempt printed and logged, as {@link io.jray.runtime.logs.TaskLog} stores it
 *        (empty when nothing, and always for {@link Kind#STARTED} and {@link Kind#GIVEN_BACK})
 */
public record Outcome(ObjectId task, int attempt, String queue, String entryId, Kind kind, byte[] payload,
        long startedAt, long epoch, byte[] log) {

    private static final byte[] NONE = new byte[0];

    public Outcome {
        payload = payload == null ? NONE : payload;
        log = log == null ? NONE : log;
    }

    /** An outcome without a log. */
    public Outcome(ObjectId task, int attempt, String queue, String entryId, Kind kind, byte[] payload,
            long startedAt, long epoch) {
        this(task, attempt, queue, entryId, kind, payload, startedAt, epoch, NONE);
    }

    /** This outcome with the attempt's log. */
    public Outcome withLog(byte[] attemptLog) {
        return new Outcome(task, attempt, queue, entryId, kind, payload, startedAt, epoch, attemptLog);
    }

    /** What happened to a task. */
    public enum Kind {
        STARTED("S"), FINISHED("F"), FINISHED_LARGE("L"), FAILED("E"), RETRY("R"), GIVEN_BACK("G");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
