package io.jray.runtime.control;



/**
 * The keys of one job, as suffixes of its key prefix {@code <ns>:{<job>}:} (see {@link Keys#job}).
 * Defined here once: {@link Keys} builds them from these, the Lua scripts get them as the table
 * {@code K} ({@code P .. K.record .. id} is {@code <ns>:{<job>}:o:<id>}).
 */
public enum JobKey {

    /** Hash of the job's owner, start and end time and retention (see {@link JobField}). */
    META("meta", "meta"),
    /** Set of the resource shapes the job has queues of. */
    SHAPES("shapes", "shapes"),
    /** Sorted set of every record of the job by submission time. */
    RECORDS("tasks", "records"),
    /** Hash: one record (suffix {@code o:<id>}, see {@link RecordField}). */
    RECORD("o:", "record"),
    /** Set of the nodes holding a copy of a large object (suffix {@code l:<id>}). */
    HOLDERS("l:", "holders"),
    /** String: what a task printed and logged (suffix {@code log:<id>}). */
    LOG("log:", "log"),
    /** Set of the job's actors. */
    ACTORS("actors", "actors"),
    /** Set of the node queues read in the job. */
    TARGETS("targets", "targets"),
    /** Stream of settled objects for a node (suffix {@code n:<node>}). */
    NOTES("n:", "notes"),
    /** Set of the nodes that were sent notes in the job. */
    NOTIFIED("nodes", "notified"),
    /** Set of the tasks waiting for an object (suffix {@code w:<id>}). */
    WAITERS("w:", "waiters"),
    /** Set of the nodes subscribed to an object (suffix {@code sub:<id>}). */
    SUBSCRIBERS("sub:", "subscribers"),
    /** List: the job's backlog of work left by scripts that reached their budget. */
    BACKLOG("bl", "backlog"),
    /** Stream: a task queue (suffix {@code q:<shape>}, a node's own {@code q:<shape>@<node>}). */
    TASK_QUEUE("q:", "taskQueue"),
    /** Stream: an actor's calls (suffix {@code a:<actor>}). */
    ACTOR_QUEUE("a:", "actorQueue");

    private final String suffix;
    private final String luaName;

    JobKey(String suffix, String luaName) {
        this.suffix = suffix;
        this.luaName = luaName;
    }

    /** The key's suffix after the job's prefix (for a key per object, followed by its id). */
    public String suffix() {
        return suffix;
    }

    /** The key's name in the scripts' table {@code K}. */
    public String luaName() {
        return luaName;
    }
}
