package io.jray.runtime;

import java.time.Duration;

import io.jray.runtime.core.Resources;
import io.jray.runtime.store.StoreSettings;
import io.jray.runtime.worker.Worker;

/**
 * Everything a node is configured with, resolved from {@code jray.*} properties.
 *
 * @param namespace the prefix of every Redis key
 * @param resources the resources this node offers to tasks
 * @param hostId what identifies this machine
 * @param workerEnabled whether this node runs tasks
 * @param heartbeatInterval how often the node refreshes its registration
 * @param heartbeatTimeout after how long without a heartbeat a node is dead
 * @param unavailableTimeout how long calls wait for an unreachable Redis before failing
 * @param store how large values are kept, and served to other nodes
 * @param jobRetention how long the records of an ended job stay in Redis
 * @param submitBatch the most records submitted in one script call
 * @param worker how the worker reads and runs tasks
 * @param infeasibleTimeout how long tasks that no live node can run wait before they fail ({@code null}: for ever)
 */
public record NodeSettings(String namespace, Resources resources, String hostId, boolean workerEnabled,
        Duration heartbeatInterval, Duration heartbeatTimeout, Duration unavailableTimeout, StoreSettings store,
        Duration jobRetention, int submitBatch, Worker.Settings worker, Duration infeasibleTimeout) {

    /** How long a registration must stay missing before its node is dead: a few heartbeats, at most the timeout. */
    public Duration reapGrace() {
        Duration beats = heartbeatInterval.multipliedBy(3);
        return beats.compareTo(heartbeatTimeout) < 0 ? beats : heartbeatTimeout;
    }
}
