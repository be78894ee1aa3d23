package io.jray.dashboard;

import java.util.List;

import io.jray.runtime.control.ClusterView;
import io.jray.runtime.control.NodeField;
import io.jray.runtime.core.Resources;

/**
 * The figures of the overview, computed from a cluster summary: nodes, task slots (all, free,
 * busy), queued tasks, jobs, actors and object store use.
 *
 * @param summary the summary they come from
 * @param nodes live nodes
 * @param workers nodes that run tasks
 * @param cpus CPU slots of the workers
 * @param freeCpus CPU slots free by the last heartbeats
 * @param running tasks running
 * @param queued task entries in the queues
 * @param jobs active jobs
 * @param actors actors alive
 * @param objectBytes object store bytes in shared memory, all nodes
 * @param objectLimit object store limits, all nodes
 */
record ClusterOverview(ClusterView.Summary summary, int nodes, int workers, long cpus, long freeCpus, long running,
        long queued, int jobs, long actors, long objectBytes, long objectLimit) {

    static ClusterOverview of(ClusterView.Summary summary) {
        List<ClusterView.NodeInfo> nodes = summary.nodes();
        long cpus = 0;
        for (ClusterView.NodeInfo node : nodes) {
            if (node.worker() && node.resources() != null) {
                cpus += (long) Resources.parseShape(node.resources()).get(Resources.CPU);
            }
        }
        return new ClusterOverview(summary, nodes.size(), (int) nodes.stream().filter(ClusterView.NodeInfo::worker).count(),
                cpus, sum(nodes, NodeField.FREE.code()), sum(nodes, NodeField.RUNNING.code()),
                summary.jobs().stream().mapToLong(ClusterView.JobInfo::queued).sum(), summary.jobs().size(),
                sum(nodes, NodeField.ACTORS.code()), sum(nodes, NodeField.OBJECT_BYTES.code()),
                sum(nodes, NodeField.OBJECT_LIMIT.code()));
    }

    private static long sum(List<ClusterView.NodeInfo> nodes, String field) {
        return nodes.stream().mapToLong(node -> node.loadOf(field)).sum();
    }

    /** Bytes as a short text, such as {@code 12.5 MiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
