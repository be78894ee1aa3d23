package io.jray.runtime.control;

import java.util.Arrays;

/**
 * The fields of a record ({@code <ns>:{<job>}:o:<id>}): a task, an actor, an actor call or a put
 * value, and its result. Defined here once: the Lua scripts name them {@code R.<field>}, written in
 * as literals when a script loads ({@code R.state} is {@code 'st'}, see {@link ScriptSchema}), and
 * the readers of the runtime name them by these constants.
 */
public enum RecordField {

    /** What it is: {@code t} a task or actor call, {@code a} an actor, {@code p} a put value. */
    KIND("k"),
    /** Its state: W waits for dependencies, Q queued, R running, F finished, E failed, C cancelled; for an actor (kind a) Q/R being created, F alive, E creation failed, D dead. */
    STATE("st"),
    /**
     * Its function: for a task or actor call the short code its job interned the function id under
     * ({@link JobKey#FUNCTIONS}, read back by {@link FunctionNames}); an actor's is {@code class#new}.
     */
    FUNCTION_ID("fn"),
    /** Its name: a task's display name, an actor's cluster-wide name. */
    NAME("nm"),
    /** The node that owns it (submitted it, holds its refs). */
    OWNER("ow"),
    /** The task that submitted it. */
    PARENT("pa"),
    /** The actor an actor call is for. */
    ACTOR("ac"),
    /** Its queue, as a key suffix: {@code q:<shape>} for tasks, {@code a:<actor>} for actor calls. */
    QUEUE("q"),
    /** The id of its entry in its queue, while queued or running. */
    ENTRY("e"),
    /** The queue holding its entry: {@code q:<shape>@<node>} when a node's own. */
    ENTRY_QUEUE("eq"),
    /**
     * Its encoded TaskSpec while it waits for its arguments, of an actor's creation, and of a task
     * with a large result (for its rebuild); otherwise only its queue entry holds it.
     */
    SPEC("sp"),
    /** The ids of the objects it takes as arguments, space separated. */
    DEPENDENCIES("d"),
    /** How many of its dependencies have not finished yet. */
    PENDING_DEPENDENCIES("pd"),
    /** The attempt number (from 1). */
    ATTEMPT("a"),
    /** How often it may be retried. */
    MAX_RETRIES("mr"),
    /** How often an actor's calls may be retried. */
    MAX_TASK_RETRIES("mtr"),
    /** The error of its last failed attempt, when it was retried. */
    LAST_ERROR("le"),
    /** The node that runs or ran it (for an actor: that hosts it). */
    NODE("n"),
    /** The registration epoch of the node hosting an actor. */
    NODE_EPOCH("ne"),
    /** How often an actor was created anew after its node died. */
    RESTARTS("rs"),
    /** An actor's lifetime: {@code detached} or that of its job. */
    LIFETIME("life"),
    /** Its value (encoded), when finished and small. */
    VALUE("v"),
    /** Its error (an encoded RemoteError), once it failed or was cancelled. */
    ERROR("er"),
    /** {@code 1} when its value is large: in the object stores of the nodes in the set {@code l:<id>}, not in Redis. */
    LARGE("lg"),
    /** The size of its value in bytes. */
    SIZE("sz"),
    /** {@code 1} when tasks wait for it (set {@code w:<id>}). */
    HAS_WAITERS("hw"),
    /** {@code 1} when nodes subscribed to it (set {@code sub:<id>}). */
    HAS_SUBSCRIBERS("hs"),
    /** How many unsettled tasks take it as an argument (each holds it). */
    TAKEN_BY("pc"),
    /** {@code 1} once its owner dropped every ref to it. */
    RELEASED("rl"),
    /** How often it was run again to rebuild a lost large value. */
    REBUILDS("rb"),
    /** When it was submitted, epoch ms. */
    SUBMITTED_AT("ts"),
    /** When its current attempt started, epoch ms. */
    STARTED_AT("tr"),
    /** When it settled, epoch ms. */
    ENDED_AT("te"),
    /** Its number in the task history (set by the history's index). */
    HISTORY_SEQ("hx");

    private final String code;

    RecordField(String code) {
        this.code = code;
    }

    /** The field's name in Redis. */
    public String code() {
        return code;
    }


    /** The names in Redis of the given fields, for an {@code HMGET}. */
    public static String[] codes(RecordField... fields) {
        return Arrays.stream(fields).map(RecordField::code).toArray(String[]::new);
    }
}
