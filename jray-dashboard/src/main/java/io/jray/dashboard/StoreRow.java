package io.jray.dashboard;

import io.jray.runtime.control.ClusterView;
import io.jray.runtime.node.NodeLoad;

/**
 * A row of the objects page: one node's object store against its limit.
 *
 * @param node the node id
 * @param host its host name and host id
 * @param objects objects it keeps
 * @param used bytes in shared memory, as text
 * @param limit its limit, as text
 * @param percent use against the limit, 0 to 100
 * @param spilled bytes spilled to disk, as text
 */
record StoreRow(String node, String host, long objects, String used, String limit, int percent, String spilled) {

    static StoreRow of(ClusterView.NodeInfo node) {
        long used = node.loadOf(NodeLoad.OBJECT_BYTES);
        long limit = node.loadOf(NodeLoad.OBJECT_LIMIT);
        return new StoreRow(node.id(), node.host() + " (" + node.hostId() + ")", node.loadOf(NodeLoad.OBJECTS),
                ClusterOverview.bytes(used), ClusterOverview.bytes(limit),
                limit <= 0 ? 0 : (int) Math.min(100, used * 100 / limit),
                ClusterOverview.bytes(node.loadOf(NodeLoad.SPILLED_BYTES)));
    }
}
