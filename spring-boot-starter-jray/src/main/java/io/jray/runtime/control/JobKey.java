package io.jray.runtime.control;

/**
 * The keys of one job, as suffixes of its key prefix {@code <ns>:{<job>}:} (see {@link Keys#job}).
 * Defined here once: {@link Keys} builds them from these, the Lua scripts name them {@code K.<key>}
 * ({@code P .. K.record .. id} is {@code <ns>:{<job>}:o:<id>}, see {@link ScriptSchema}).
 */
public enum JobKey {

    /** Hash of the job's owner, start and end time and retention (see {@link JobField}). */
    META("meta"),
    /** Set of the resource shapes the job has queues of. */
    SHAPES("shapes"),
    /** Sorted set of every record of the job by submission time. */
    RECORDS("tasks"),
    /** Hash: one record (suffix {@code o:<id>}, see {@link RecordField}). */
    RECORD("o:"),
    /** Set of the nodes holding a copy of a large object (suffix {@code l:<id>}). */
    HOLDERS("l:"),
    /** String: what a task printed and logged (suffix {@code log:<id>}). */
    LOG("log:"),
    /** Set of the job's actors. */
    ACTORS("actors"),
    /**
     * Hash: the job's function ids interned, each both ways (function id to its short code, and
     * {@code @<code>} to the function id), so a task record holds the code (see {@link FunctionNames}).
     */
    FUNCTIONS("fns"),
    /** Set of the node queues read in the job. */
    TARGETS("targets"),
    /** Stream of settled objects for a node (suffix {@code n:<node>}). */
    NOTES("n:"),
    /** Set of the nodes that were sent notes in the job. */
    NOTIFIED("nodes"),
    /** Set of the tasks waiting for an object (suffix {@code w:<id>}). */
    WAITERS("w:"),
    /** Set of the nodes subscribed to an object (suffix {@code sub:<id>}). */
    SUBSCRIBERS("sub:"),
    /** List: the job's backlog of work left by scripts that reached their budget. */
    BACKLOG("bl"),
    /** Stream: a task queue (suffix {@code q:<shape>}, a node's own {@code q:<shape>@<node>}). */
    TASK_QUEUE("q:"),
    /** Stream: an actor's calls (suffix {@code a:<actor>}). */
    ACTOR_QUEUE("a:");

    private final String suffix;

    JobKey(String suffix) {
        this.suffix = suffix;
    }

    /** The key's suffix after the job's prefix (for a key per object, followed by its id). */
    public String suffix() {
        return suffix;
    }
}
