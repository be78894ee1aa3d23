package io.jray.runtime.store;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.core.IdGenerator;

/**
 * The secret that authenticates object transfers between nodes: the configured one, or else one
 * made by the first node of the cluster and kept in Redis (whoever can read Redis is trusted). Also
 * the cluster's public id, which names its object folders on every host.
 */
public final class ClusterToken {

    private ClusterToken() {
    }

    public static String resolve(ControlPlane control, String configured) throws Exception {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return control.membership().shared("token", IdGenerator.random(32));
    }

    /**
     * The id of the cluster behind this Redis and namespace: made by its first node and kept in
     * Redis, so two clusters on one host (each with its own Redis) have different ids.
     */
    public static String clusterId(ControlPlane control) throws Exception {
        return control.membership().shared("cluster", "c" + IdGenerator.random(11));
    }
}
