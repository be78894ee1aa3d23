package io.jray.runtime.node;

import java.util.LinkedHashMap;
import java.util.Map;

import io.jray.runtime.control.NodeField;
import io.jray.runtime.store.ObjectStore;

/**
 * What a node's heartbeat reports of its load, as fields of its hash: free task slots (whole free
 * CPUs, which locality-aware queueing reads), running tasks, actors, whether it drains, and its
 * object store's use and largest objects.
 */
public final class NodeLoad {

    /** How many of its largest objects a node reports. */
    public static final int LARGEST = 5;

    private NodeLoad() {
    }

    /**
     * What a node's worker is doing now.
     *
     * @param freeCpus CPUs free (negative while tasks blocked in {@code get()} have resumed beyond the limit)
     * @param running tasks running
     * @param actors actors living on the node
     */
    public record Work(double freeCpus, int running, int actors) {

        /** A node that runs no tasks. */
        public static final Work NONE = new Work(0, 0, 0);
    }

    /** The fields now; {@code work} is {@link Work#NONE} on a node that runs no tasks. */
    public static Map<String, String> of(Work work, ObjectStore store, boolean draining) {
        Map<String, String> load = new LinkedHashMap<>();
        boolean serving = work != Work.NONE && !draining;
        load.put(NodeField.FREE.code(), serving ? Integer.toString((int) Math.max(0, work.freeCpus())) : "0");
        load.put(NodeField.RUNNING.code(), Integer.toString(work.running()));
        load.put(NodeField.ACTORS.code(), Integer.toString(work.actors()));
        load.put(NodeField.DRAINING.code(), draining ? "1" : "0");
        load.put(NodeField.OBJECT_BYTES.code(), Long.toString(store.usedBytes()));
        load.put(NodeField.SPILLED_BYTES.code(), Long.toString(store.spilledBytes()));
        load.put(NodeField.OBJECTS.code(), Integer.toString(store.objectCount()));
        load.put(NodeField.OBJECT_LIMIT.code(), Long.toString(store.limit()));
        load.put(NodeField.LARGEST_OBJECTS.code(), store.largest(LARGEST));
        return load;
    }
}
