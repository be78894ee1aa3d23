package io.jray.dashboard;

import io.jray.runtime.control.ClusterView;
import io.jray.runtime.control.NodeField;

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
        long used = node.loadOf(NodeField.OBJECT_BYTES.code());
        long limit = node.loadOf(NodeField.OBJECT_LIMIT.code());
        return new StoreRow(node.id(), node.host() + " (" + node.hostId() + ")", node.loadOf(NodeField.OBJECTS.code()),
                ClusterOverview.bytes(used), ClusterOverview.bytes(limit),
                limit <= 0 ? 0 : (int) Math.min(100, used * 100 / limit),
                ClusterOverview.bytes(node.loadOf(NodeField.SPILLED_BYTES.code())));
    }
}
