package io.jray.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.ObjectLostException;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.node.NodeLoad;
import io.jray.runtime.node.NodeRegistry;
import io.jray.runtime.worker.Worker;

/**
 * The parts of one node, as the auto-configuration built them ({@link NodeComponents},
 * {@link DriverComponents}), with its chores and inbox routing. {@link JRayNode} starts and stops
 * them; this holds what the parts call back into: a lapsed registration, a change of the active
 * jobs, an inbox message.
 */
final class NodeParts {

    private static final Log log = LogFactory.getLog(NodeParts.class);

    final NodeComponents node;
    final DriverComponents driver;
    final NodeChores chores;
    final InboxRouter inboxRouter;

    NodeParts(NodeComponents node, DriverComponents driver) {
        this.node = node;
        this.driver = driver;
        Worker worker = node.worker();
        NodeRegistry registry = node.registry();
        registry.whenRegisteredAgain(this::onRegisteredAgain);
        registry.addFields(node.objects().registration());
        registry.reportLoad(() -> NodeLoad.of(worker == null ? NodeLoad.Work.NONE
                : new NodeLoad.Work(worker.freeCpus(), worker.running(), worker.actors()), node.objects().store(),
                node.drain().isDraining()));
        ScheduledExecutorService timers = node.executors().timers();
        this.chores = new NodeChores(timers, new NodeChores.Parts(registry, node.reaper(), node.directory(),
                node.objects(), node.health(), node.infeasible(), driver.releaser(), node.resolver()),
                node.settings().heartbeatInterval(), node.settings().heartbeatTimeout());
        this.inboxRouter = new InboxRouter(worker, node.objects(), timers, node.executors().virtualThreads(),
                chores::refreshDirectory, node.drain()::drain);
        node.directory().onChange(this::onJobsChanged);
    }

    /**
     * The node's registration had lapsed: it was declared dead (a long pause) or Redis lost its
     * data. When its job did not survive, the tasks it waits for are gone: their refs fail, and the
     * next submission starts a new job.
     */
    private void onRegisteredAgain(long lapsed) {
        log.warn("jray node " + node.identity().id() + " registered again as epoch " + node.registry().epoch()
                + ": its registration " + lapsed + " had lapsed (it was declared dead after missing heartbeats, or "
                + "Redis lost its data)");
        if (node.worker() != null) {
            List<ObjectId> stale = node.worker().registeredAgain(lapsed);
            // why: restarting actors takes round trips; the timer threads must keep beating
            node.executors().virtualThreads().execute(() -> {
                for (ObjectId actor : stale) {
                    try {
                        node.reaper().reapActor(actor, node.identity().id(), lapsed);
                    }
                    catch (Exception e) {
                        log.warn("Could not hand back actor " + actor + " of lapsed registration " + lapsed + ": " + e);
                    }
                }
            });
        }
        String job = driver.job().started();
        try {
            String ended = driver.job().forgetIfEnded();
            if (ended != null) {
                driver.submitter().forgetJob(ended);
                node.resolver().failAllPending(new ObjectLostException("job " + ended + " of node " + node.identity().id()
                        + " ended while the node was out of touch with Redis (declared dead, or Redis restarted "
                        + "without its data): the tasks it waited for are gone"));
            }
            node.directory().refresh();
        }
        catch (Exception e) {
            log.warn("Could not check job " + job + " after registering again: " + e);
        }
    }

    /** Routes a message of this node's inbox. */
    void onInboxMessage(Map<String, byte[]> message) {
        inboxRouter.route(message);
    }

    private void onJobsChanged() {
        Set<String> active = node.directory().jobs().keySet();
        node.listener().retainJobs(active);
        node.infeasible().retainJobs(active);
        node.objects().retainJobs(active);
        if (node.worker() != null) {
            node.worker().retainJobs(active);
        }
    }
}
