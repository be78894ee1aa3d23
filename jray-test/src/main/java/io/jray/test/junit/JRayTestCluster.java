package io.jray.test.junit;

import java.util.List;
import java.util.Map;

/**
 * The local cluster of a {@link JRayClusterTest} class: its Redis, its namespace and its worker JVMs.
 * A test method or lifecycle method receives it as a parameter.
 */
public interface JRayTestCluster {

    /** The host of the cluster's private Redis (loopback). */
    String redisHost();

    /** The port of the cluster's private Redis. */
    int redisPort();

    /** The {@code jray.namespace} shared by every node of this cluster. */
    String namespace();

    /** Spring properties that make an application a node of this cluster. */
    Map<String, String> springProperties();

    /** The worker JVMs, in the order they were started (stopped ones included). */
    List<ClusterWorker> workers();

    /** Starts one more worker JVM and waits until it has joined. */
    ClusterWorker addWorker();

    /** How many nodes are registered now, the test's own context included when it runs. */
    long liveNodes();
}
