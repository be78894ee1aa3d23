package io.jray.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.jray.runtime.control.ClusterView;
import io.jray.runtime.control.NodeField;

/**
 * A row of the objects page's largest objects, from what each node's heartbeat reports of its
 * own largest ones; an object held by several nodes appears once per copy.
 *
 * @param id the object, {@code job/id}
 * @param size its size, as text
 * @param bytes its size
 * @param node the node holding this copy
 * @param where "shared memory" or "spilled to disk"
 */
record LargeObjectRow(String id, String size, long bytes, String node, String where) {

    /** The {@code n} largest copies over all nodes, largest first. */
    static List<LargeObjectRow> largest(List<ClusterView.NodeInfo> nodes, int n) {
        List<LargeObjectRow> rows = new ArrayList<>();
        for (ClusterView.NodeInfo node : nodes) {
            String top = node.load().getOrDefault(NodeField.LARGEST_OBJECTS.code(), "");
            for (String entry : top.isBlank() ? new String[0] : top.split(" ")) {
                String[] parts = entry.split(":");
                if (parts.length == 3) {
                    long bytes = Long.parseLong(parts[1]);
                    rows.add(new LargeObjectRow(parts[0], ClusterOverview.bytes(bytes), bytes, node.id(),
                            "d".equals(parts[2]) ? "spilled to disk" : "shared memory"));
                }
            }
        }
        rows.sort(Comparator.comparingLong(LargeObjectRow::bytes).reversed());
        return rows.size() > n ? List.copyOf(rows.subList(0, n)) : rows;
    }
}
