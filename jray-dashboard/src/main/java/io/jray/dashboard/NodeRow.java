package io.jray.dashboard;

import io.jray.runtime.control.ClusterView;
import io.jray.runtime.control.NodeField;

/**
 * A row of the nodes page.
 *
 * @param id the node id
 * @param host host name and host id
 * @param resources its resource shape
 * @param role "worker" or "driver"
 * @param heartbeat age of its last heartbeat, such as {@code 120 ms}
 * @param slots busy of all CPU slots, such as {@code 1 busy, 3 free}
 * @param objects object store use against its limit
 * @param draining whether it was drained
 */
record NodeRow(String id, String host, String resources, String role, String heartbeat, String slots, String objects,
        boolean draining) {

    static NodeRow of(ClusterView.NodeInfo node) {
        return new NodeRow(node.id(), node.host() + " (" + node.hostId() + ")", node.resources(),
                node.worker() ? "worker" : "driver", node.heartbeatAgeMillis() + " ms",
                node.loadOf(NodeField.RUNNING.code()) + " running, " + node.loadOf(NodeField.FREE.code()) + " free",
                ClusterOverview.bytes(node.loadOf(NodeField.OBJECT_BYTES.code())) + " of "
                        + ClusterOverview.bytes(node.loadOf(NodeField.OBJECT_LIMIT.code()))
                        + (node.loadOf(NodeField.SPILLED_BYTES.code()) > 0
                                ? ", " + ClusterOverview.bytes(node.loadOf(NodeField.SPILLED_BYTES.code())) + " spilled"
                                : ""),
                node.loadOf(NodeField.DRAINING.code()) == 1);
    }
}
