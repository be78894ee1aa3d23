package io.jray.runtime.control;

import java.util.Arrays;

/**
 * The fields of a record ({@code <ns>:{<job>}:o:<id>}): a task, an actor, an actor call or a put
 * value, and its result. Defined here once: the Lua scripts get them as the table {@code R}
 * ({@code R.state} is {@code 'st'}), generated in front of every script at load time, and the
 * readers of the runtime name them by these constants.
 */
public enum RecordField {

    /** What it is: {@code t} a task or actor call, {@code a} an actor, {@code p} a put value. */
    KIND("k", "kind"),
    /** Its state: W waits for dependencies, Q queued, R running, F finished, E failed, C cancelled; for an actor (kind a) Q/R being created, F alive, E creation failed, D dead. */
    STATE("st", "state"),
    /** Its function id ({@code class#method}; an actor's is {@code class#new}). */
    FUNCTION_ID("fn", "functionId"),
    /** Its name: a task's display name, an actor's cluster-wide name. */
    NAME("nm", "name"),
    /** The node that owns it (submitted it, holds its refs). */
    OWNER("ow", "owner"),
    /** The task that submitted it. */
    PARENT("pa", "parent"),
    /** The actor an actor call is for. */
    ACTOR("ac", "actor"),
    /** Its queue, as a key suffix: {@code q:<shape>} for tasks, {@code a:<actor>} for actor calls. */
    QUEUE("q", "queue"),
    /** The id of its entry in its queue, while queued or running. */
    ENTRY("e", "entry"),
    /** The queue holding its entry: {@code q:<shape>@<node>} when a node's own. */
    ENTRY_QUEUE("eq", "entryQueue"),
    /** Its encoded TaskSpec, until it settles and its result is freed. */
    SPEC("sp", "spec"),
    /** The ids of the objects it takes as arguments, space separated. */
    DEPENDENCIES("d", "dependencies"),
    /** How many of its dependencies have not finished yet. */
    PENDING_DEPENDENCIES("pd", "pendingDependencies"),
    /** The attempt number (from 1). */
    ATTEMPT("a", "attempt"),
    /** How often it may be retried. */
    MAX_RETRIES("mr", "maxRetries"),
    /** How often an actor's calls may be retried. */
    MAX_TASK_RETRIES("mtr", "maxTaskRetries"),
    /** The error of its last failed attempt, when it was retried. */
    LAST_ERROR("le", "lastError"),
    /** The node that runs or ran it (for an actor: that hosts it). */
    NODE("n", "node"),
    /** The registration epoch of the node hosting an actor. */
    NODE_EPOCH("ne", "nodeEpoch"),
    /** How often an actor was created anew after its node died. */
    RESTARTS("rs", "restarts"),
    /** An actor's lifetime: {@code detached} or that of its job. */
    LIFETIME("life", "lifetime"),
    /** Its value (encoded), when finished and small. */
    VALUE("v", "value"),
    /** Its error (an encoded RemoteError), once it failed or was cancelled. */
    ERROR("er", "error"),
    /** {@code 1} when its value is large: in the object stores of the nodes in the set {@code l:<id>}, not in Redis. */
    LARGE("lg", "large"),
    /** The size of its value in bytes. */
    SIZE("sz", "size"),
    /** {@code 1} when tasks wait for it (set {@code w:<id>}). */
    HAS_WAITERS("hw", "hasWaiters"),
    /** {@code 1} when nodes subscribed to it (set {@code sub:<id>}). */
    HAS_SUBSCRIBERS("hs", "hasSubscribers"),
    /** How many unsettled tasks take it as an argument (each holds it). */
    TAKEN_BY("pc", "takenBy"),
    /** {@code 1} once its owner dropped every ref to it. */
    RELEASED("rl", "released"),
    /** How often it was run again to rebuild a lost large value. */
    REBUILDS("rb", "rebuilds"),
    /** When it was submitted, epoch ms. */
    SUBMITTED_AT("ts", "submittedAt"),
    /** When it was queued last, epoch ms. */
    QUEUED_AT("tq", "queuedAt"),
    /** When its current attempt started, epoch ms. */
    STARTED_AT("tr", "startedAt"),
    /** When it settled, epoch ms. */
    ENDED_AT("te", "endedAt"),
    /** Its number in the task history (set by the history's index). */
    HISTORY_SEQ("hx", "historySeq");

    private final String code;
    private final String luaName;

    RecordField(String code, String luaName) {
        this.code = code;
        this.luaName = luaName;
    }

    /** The field's name in Redis. */
    public String code() {
        return code;
    }

    /** The field's name in the scripts' table {@code R}. */
    public String luaName() {
        return luaName;
    }

    /** The names in Redis of the given fields, for an {@code HMGET}. */
    public static String[] codes(RecordField... fields) {
        return Arrays.stream(fields).map(RecordField::code).toArray(String[]::new);
    }
}
