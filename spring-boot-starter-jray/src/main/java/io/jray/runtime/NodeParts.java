package io.jray.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.ObjectLostException;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.DeadNodeReaper;
import io.jray.runtime.node.FunctionDirectory;
import io.jray.runtime.node.NodeIdentity;
import io.jray.runtime.node.NodeLoad;
import io.jray.runtime.node.NodeRegistry;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.task.InfeasibleWork;
import io.jray.runtime.task.NotificationListener;
import io.jray.runtime.task.ObjectResolver;
import io.jray.runtime.worker.Worker;

/**
 * The parts of one node, as the auto-configuration built them ({@link NodeComponents},
 * {@link DriverComponents}), with its chores and inbox routing. {@link JRayNode} starts and stops
 * them; this holds what the parts call back into: a lapsed registration, a change of the active
 * jobs, an inbox message.
 */
final class NodeParts {

    private static final Log log = LogFactory.getLog(NodeParts.class);

    final NodeSettings settings;
    final NodeIdentity identity;
    final ControlPlane control;
    final ClusterHealth health;
    final NodeRegistry registry;
    final Jobs jobs;
    final JobDirectory directory;
    final NotificationListener listener;
    final ObjectResolver resolver;
    final LargeObjects objects;
    final ValueCodec codec;
    final Worker worker;
    final DeadNodeReaper reaper;
    final ExecutorService virtualThreads;
    final FunctionRegistry functions;
    final FunctionDirectory functionDirectory;
    final InfeasibleWork infeasible;
    final NodeDrain drain;
    final DriverComponents driver;
    final NodeChores chores;
    final InboxRouter inboxRouter;

    NodeParts(NodeComponents parts, DriverComponents driver) {
        this.settings = parts.settings();
        this.identity = parts.identity();
        this.control = parts.control();
        this.health = parts.health();
        this.registry = parts.registry();
        this.jobs = parts.jobs();
        this.directory = parts.directory();
        this.listener = parts.listener();
        this.resolver = parts.resolver();
        this.objects = parts.objects();
        this.codec = parts.codec();
        this.worker = parts.worker();
        this.reaper = parts.reaper();
        this.virtualThreads = parts.executors().virtualThreads();
        this.functions = parts.functions();
        this.functionDirectory = parts.functionDirectory();
        this.infeasible = parts.infeasible();
        this.drain = parts.drain();
        this.driver = driver;
        registry.whenRegisteredAgain(this::onRegisteredAgain);
        registry.addFields(objects.registration());
        registry.reportLoad(() -> NodeLoad.of(worker == null ? NodeLoad.Work.NONE
                : new NodeLoad.Work(worker.freeCpus(), worker.running(), worker.actors()), objects.store(),
                drain.isDraining()));
        ScheduledExecutorService timers = parts.executors().timers();
        this.chores = new NodeChores(timers, new NodeChores.Parts(registry, reaper, directory, objects, health,
                infeasible, driver.releaser(), resolver), settings.heartbeatInterval(), settings.heartbeatTimeout());
        this.inboxRouter = new InboxRouter(worker, objects, timers, virtualThreads, chores::refreshDirectory,
                drain::drain);
        directory.onChange(this::onJobsChanged);
    }

    /**
     * The node's registration had lapsed: it was declared dead (a long pause) or Redis lost its
     * data. When its job did not survive, the tasks it waits for are gone: their refs fail, and the
     * next submission starts a new job.
     */
    private void onRegisteredAgain(long lapsed) {
        log.warn("jray node " + identity.id() + " registered again as epoch " + registry.epoch() + ": its registration "
                + lapsed + " had lapsed (it was declared dead after missing heartbeats, or Redis lost its data)");
        if (worker != null) {
            List<ObjectId> stale = worker.registeredAgain(lapsed);
            // why: restarting actors takes round trips; the timer threads must keep beating
            virtualThreads.execute(() -> {
                for (ObjectId actor : stale) {
                    try {
                        reaper.reapActor(actor, identity.id(), lapsed);
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
                resolver.failAllPending(new ObjectLostException("job " + ended + " of node " + identity.id()
                        + " ended while the node was out of touch with Redis (declared dead, or Redis restarted "
                        + "without its data): the tasks it waited for are gone"));
            }
            directory.refresh();
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
        Set<String> active = directory.jobs().keySet();
        listener.retainJobs(active);
        infeasible.retainJobs(active);
        objects.retainJobs(active);
        if (worker != null) {
            worker.retainJobs(active);
        }
    }
}
