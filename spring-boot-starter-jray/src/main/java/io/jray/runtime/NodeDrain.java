package io.jray.runtime;

import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.node.NodeRegistry;
import io.jray.runtime.worker.Worker;

/**
 * Draining a node: it takes no more tasks and gives back those it read but did not start; running
 * tasks finish, actors living here stay. Asked for by an operator (actuator, dashboard) or by a
 * message of its inbox; its heartbeat reports it.
 */
public final class NodeDrain {

    private static final Log log = LogFactory.getLog(NodeDrain.class);

    private final String node;
    private final Worker worker;
    private final NodeRegistry registry;
    private final Executor executor;
    private volatile boolean draining;

    /**
     * @param worker the node's worker, {@code null} on a node that only submits
     * @param executor where the drain runs: stopping the reader waits for its read in flight, which
     *        the node's timer threads must not
     */
    public NodeDrain(String node, Worker worker, NodeRegistry registry, Executor executor) {
        this.node = node;
        this.worker = worker;
        this.registry = registry;
        this.executor = executor;
    }

    /** Starts draining, once; returns whether the node runs tasks at all. */
    public boolean drain() {
        if (worker == null) {
            return false;
        }
        synchronized (this) {
            if (!draining) {
                draining = true;
                log.info("jray node " + node + " is draining: it takes no more tasks");
                executor.execute(() -> {
                    worker.drain();
                    registry.beat();
                });
            }
        }
        return true;
    }

    /** Whether the node was drained. */
    public boolean isDraining() {
        return draining;
    }
}
