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

    private final NodeComponents node;
    private final DriverComponents driver;
    private final NodeParts parts;
    private volatile boolean running;

    /** A node of the parts the auto-configuration built, to start them later. */
    public JRayNode(NodeComponents node, DriverComponents driver) {
        this.node = node;
        this.driver = driver;
        this.parts = new NodeParts(node, driver);
    }

    /**
     * Drains this node: it takes no more tasks and gives back those it read but did not start;
     * running tasks finish, actors living here stay. Returns whether it runs tasks at all.
     */
    public boolean drain() {
        return node.drain().drain();
    }

    /** Where the submissions and runs of tasks here are observed, so traces follow them. */
    public void observeWith(TaskObservations observations) {
        driver.submitter().observeWith(observations);
        if (node.worker() != null) {
            node.worker().observeWith(observations);
        }
    }

    /** Where to tell about the tasks submitted and run here, such as a metrics registry. */
    public void tellEvents(TaskEvents events) {
        driver.submitter().tellEvents(events);
        if (node.worker() != null) {
            node.worker().tellEvents(events);
        }
    }

    /** Tasks running on this node now. */
    public int runningTasks() {
        return node.worker() == null ? 0 : node.worker().running();
    }

    /** Actors living on this node now. */
    public int hostedActors() {
        return node.worker() == null ? 0 : node.worker().actors();
    }

    /** Reading and operating the cluster: summary, cancel, kill, drain. */
    public ClusterOperations operations() {
        return driver.operations();
    }

    /** Whether this node was drained. */
    public boolean isDraining() {
        return node.drain().isDraining();
    }

    /** Registers the node and starts listening and (if a worker) pulling tasks. */
    public synchronized void start() throws Exception {
        node.control().prepare();
        node.registry().addFields(node.functionDirectory().publish());
        node.registry().register();
        node.objects().open();
        node.directory().refresh();
        node.listener().start(node.resolver(), parts::onInboxMessage);
        if (node.worker() != null) {
            node.worker().start();
        }
        parts.chores.start();
        running = true;
        FunctionRegistry functions = node.functions();
        log.info("jray node " + node.identity().id() + " joined the cluster at Redis "
                + node.control().membership().address() + " (namespace '" + node.settings().namespace()
                + "', resources " + node.identity().resources() + ", " + (node.worker() != null ? "runs tasks: "
                        + functions.functions().size() + " remote functions, " + functions.actorClasses().size()
                        + " actor classes" : "submits only") + ")");
    }

    public JRay jray() {
        return driver.jray();
    }

    public TaskSubmitter submitter() {
        return driver.submitter();
    }

    public NodeIdentity identity() {
        return node.identity();
    }

    public ControlPlane control() {
        return node.control();
    }

    public ClusterHealth health() {
        return node.health();
    }

    /** The codec of values, restricted to the application's registered types. */
    public ValueCodec codec() {
        return node.codec();
    }

    /** What the control plane records of tasks. */
    public TaskRecords records() {
        return node.control().records();
    }

    /** Where this node keeps large objects. */
    public LargeObjects objects() {
        return node.objects();
    }

    public boolean isRunning() {
        return running;
    }

    /** The job of the tasks this node submits from outside any task; started on first use. */
    public String driverJob() {
        return driver.job().get();
    }

    /** Leaves the cluster: unfinished work goes back to the queues, the driver's job ends. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        if (node.worker() != null) {
            node.worker().close();
        }
        driver.submitter().close();
        String job = driver.job().started();
        if (job != null && !node.health().isFailing()) {
            try {
                node.jobs().end(job);
            }
            catch (Exception e) {
                log.warn("Could not end job " + job + " cleanly: " + e);
            }
        }
        node.listener().close();
        parts.chores.stop();
        node.registry().deregister();
        node.objects().close();
        node.executors().virtualThreads().shutdownNow();
        log.info("jray node " + node.identity().id() + " left the cluster");
    }
}
