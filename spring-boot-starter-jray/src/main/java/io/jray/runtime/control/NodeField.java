package io.jray.runtime.control;

/**
 * The fields of a node's hash ({@code <ns>:node:{<id>}}): what it registers once (identity,
 * resources, object store), what each heartbeat refreshes (beat, load) and its registration
 * epoch. The scripts name these {@code NODE.<field>} ({@code NODE.free} is {@code 'free'}, see
 * {@link ScriptSchema}).
 */
public enum NodeField {

    /** The node's id. */
    ID("id"),
    /** Its host name. */
    HOST("host"),
    /** The id of its host (nodes on one host share object stores' files). */
    HOST_ID("hostId"),
    /** Its process id. */
    PID("pid"),
    /** The resources it offers, as a shape. */
    RESOURCES("resources"),
    /** {@code 1} when it runs tasks. */
    WORKER("worker"),
    /** When it registered, epoch ms. */
    STARTED("started"),
    /** When it beat last, epoch ms. */
    BEAT("hb"),
    /** Its registration epoch: every registration of a node id takes a new one. */
    EPOCH("ep"),
    /** The digest of the functions it offers. */
    FUNCTIONS("fns"),
    /** Its object store's folder. */
    OBJECT_FOLDER("objects"),
    /** The folder its object store spills to. */
    SPILL_FOLDER("spill"),
    /** Where other hosts fetch its objects from ({@code host:port}), empty when it serves none. */
    ENDPOINT("endpoint"),
    /** Its free task slots (whole free CPUs), which locality-aware queueing reads. */
    FREE("free"),
    /** Tasks running on it. */
    RUNNING("running"),
    /** Actors living on it. */
    ACTORS("actors"),
    /** {@code 1} while it drains. */
    DRAINING("drain"),
    /** Bytes its object store holds in memory. */
    OBJECT_BYTES("objBytes"),
    /** Bytes its object store spilled to disk. */
    SPILLED_BYTES("objSpilled"),
    /** Objects its store holds. */
    OBJECTS("objCount"),
    /** Its object store's limit, bytes. */
    OBJECT_LIMIT("objLimit"),
    /** Its largest objects. */
    LARGEST_OBJECTS("objTop");

    private final String code;

    NodeField(String code) {
        this.code = code;
    }

    /** The field's name in Redis. */
    public String code() {
        return code;
    }

    /** Whether it is a figure of the node's load, refreshed by every heartbeat. */
    public boolean isLoad() {
        return ordinal() >= FREE.ordinal();
    }
}
