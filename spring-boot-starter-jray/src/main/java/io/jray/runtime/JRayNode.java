package io.jray.runtime;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.JRay;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.TaskRecords;
import io.jray.runtime.core.TaskEvents;
import io.jray.runtime.core.TaskObservations;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.NodeIdentity;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.task.TaskSubmitter;

/**
 * One node of a jray cluster: a driver that submits tasks and, when enabled, a worker that runs
 * them. Its parts are beans ({@link NodeComponents}, {@link DriverComponents}); it starts them
 * (registers in Redis and beats, listens to its notifications and inbox, reaps dead nodes) and at
 * shutdown stops them, handing back unfinished work and ending its job.
 */
public final class JRayNode implements AutoCloseable {

    private static final Log log = LogFactory.getLog(JRayNode.class);

    private final NodeParts parts;
    private volatile boolean running;

    /** A node of the parts the auto-configuration built, to start them later. */
    public JRayNode(NodeComponents components, DriverComponents driver) {
        this.parts = new NodeParts(components, driver);
    }

    /**
     * Drains this node: it takes no more tasks and gives back those it read but did not start;
     * running tasks finish, actors living here stay. Returns whether it runs tasks at all.
     */
    public boolean drain() {
        return parts.drain.drain();
    }

    /** Where the submissions and runs of tasks here are observed, so traces follow them. */
    public void observeWith(TaskObservations observations) {
        parts.driver.submitter().observeWith(observations);
        if (parts.worker != null) {
            parts.worker.observeWith(observations);
        }
    }

    /** Where to tell about the tasks submitted and run here, such as a metrics registry. */
    public void tellEvents(TaskEvents events) {
        parts.driver.submitter().tellEvents(events);
        if (parts.worker != null) {
            parts.worker.tellEvents(events);
        }
    }

    /** Tasks running on this node now. */
    public int runningTasks() {
        return parts.worker == null ? 0 : parts.worker.running();
    }

    /** Actors living on this node now. */
    public int hostedActors() {
        return parts.worker == null ? 0 : parts.worker.actors();
    }

    /** Reading and operating the cluster: summary, cancel, kill, drain. */
    public ClusterOperations operations() {
        return parts.driver.operations();
    }

    /** Whether this node was drained. */
    public boolean isDraining() {
        return parts.drain.isDraining();
    }

    /** Registers the node and starts listening and (if a worker) pulling tasks. */
    public synchronized void start() throws Exception {
        parts.control.prepare();
        parts.registry.addFields(parts.functionDirectory.publish());
        parts.registry.register();
        parts.objects.open();
        parts.directory.refresh();
        parts.listener.start(parts.resolver, parts::onInboxMessage);
        if (parts.worker != null) {
            parts.worker.start();
        }
        parts.chores.start();
        running = true;
        FunctionRegistry functions = parts.functions;
        log.info("jray node " + parts.identity.id() + " joined the cluster at Redis "
                + parts.control.membership().address() + " (namespace '" + parts.settings.namespace()
                + "', resources " + parts.identity.resources() + ", " + (parts.worker != null ? "runs tasks: "
                        + functions.functions().size() + " remote functions, " + functions.actorClasses().size()
                        + " actor classes" : "submits only") + ")");
    }

    public JRay jray() {
        return parts.driver.jray();
    }

    public TaskSubmitter submitter() {
        return parts.driver.submitter();
    }

    public NodeIdentity identity() {
        return parts.identity;
    }

    public ControlPlane control() {
        return parts.control;
    }

    public ClusterHealth health() {
        return parts.health;
    }

    /** The codec of values, restricted to the application's registered types. */
    public ValueCodec codec() {
        return parts.codec;
    }

    /** What the control plane records of tasks. */
    public TaskRecords records() {
        return parts.control.records();
    }

    /** Where this node keeps large objects. */
    public LargeObjects objects() {
        return parts.objects;
    }

    public boolean isRunning() {
        return running;
    }

    /** The job of the tasks this node submits from outside any task; started on first use. */
    public String driverJob() {
        return parts.driver.job().get();
    }

    /** Leaves the cluster: unfinished work goes back to the queues, the driver's job ends. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        if (parts.worker != null) {
            parts.worker.close();
        }
        parts.driver.submitter().close();
        String job = parts.driver.job().started();
        if (job != null && !parts.health.isFailing()) {
            try {
                parts.jobs.end(job);
            }
            catch (Exception e) {
                log.warn("Could not end job " + job + " cleanly: " + e);
            }
        }
        parts.listener.close();
        parts.chores.stop();
        parts.registry.deregister();
        parts.objects.close();
        parts.virtualThreads.shutdownNow();
        log.info("jray node " + parts.identity.id() + " left the cluster");
    }
}
