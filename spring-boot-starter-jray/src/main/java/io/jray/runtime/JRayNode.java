package io.jray.runtime;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.JRay;
import io.jray.api.JRayUnavailableException;
import io.jray.api.ObjectLostException;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.control.Keys;
import io.jray.runtime.control.TaskRecords;
import io.jray.runtime.core.IdGenerator;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.TaskEvents;
import io.jray.runtime.core.TaskObservations;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.DeadNodeReaper;
import io.jray.runtime.node.FunctionDirectory;
import io.jray.runtime.node.NodeIdentity;
import io.jray.runtime.node.NodeLoad;
import io.jray.runtime.node.NodeRegistry;
import io.jray.runtime.redis.EvictionCheck;
import io.jray.runtime.redis.RedisLink;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.store.ClusterToken;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.task.ActorClient;
import io.jray.runtime.task.ActorHandleType;
import io.jray.runtime.task.ArgumentEncoder;
import io.jray.runtime.task.DefaultJRay;
import io.jray.runtime.task.InfeasibleWork;
import io.jray.runtime.task.NotificationListener;
import io.jray.runtime.task.ObjectRefType;
import io.jray.runtime.task.ObjectReleaser;
import io.jray.runtime.task.ObjectResolver;
import io.jray.runtime.task.TaskArguments;
import io.jray.runtime.task.TaskCanceller;
import io.jray.runtime.task.TaskSubmitter;
import io.jray.runtime.worker.Worker;

/**
 * One node of a jray cluster, assembled: a driver that submits tasks and, when enabled, a worker
 * that runs them. It registers in Redis and beats, listens to its notifications and inbox, reaps
 * dead nodes, and at shutdown hands back unfinished work and ends its job.
 */
public final class JRayNode implements AutoCloseable {

    private static final Log log = LogFactory.getLog(JRayNode.class);

    private final RedisLink redis;
    private final NodeSettings settings;
    private final NodeIdentity identity;
    private final ControlPlane control;
    private final ClusterHealth health;
    private final NodeRegistry registry;
    private final Inbox inbox;
    private final Jobs jobs;
    private final JobDirectory directory;
    private final NotificationListener listener;
    private final ObjectResolver resolver;
    private final LargeObjects objects;
    private final TaskSubmitter submitter;
    private final ObjectReleaser releaser;
    private volatile boolean draining;
    private final ValueCodec codec;
    private final ClusterOperations operations;
    private final DefaultJRay jray;
    private final Worker worker;
    private final DeadNodeReaper reaper;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final FunctionRegistry functions;
    private final FunctionDirectory functionDirectory;
    private final InfeasibleWork infeasible;
    private final DriverJob driverJob;
    private final NodeChores chores;
    private final InboxRouter inboxRouter;
    private volatile boolean running;

    public JRayNode(RedisLink redis, NodeSettings settings, FunctionRegistry functions, ValueCodec codec,
            ObjectRefType refType, ActorHandleType actorHandleType) {
        this.functions = functions;
        this.redis = redis;
        this.settings = settings;
        redis.commandTimeout(settings.unavailableTimeout());
        String id = IdGenerator.random(8);
        this.identity = new NodeIdentity(id, hostName(), settings.hostId() != null ? settings.hostId() : hostName(),
                ProcessHandle.current().pid(), settings.resources(), settings.workerEnabled());
        Keys keys = new Keys(settings.namespace());
        this.control = new ControlPlane(redis, keys);
        this.health = new ClusterHealth(settings.unavailableTimeout(), redis.address());
        this.registry = new NodeRegistry(control, identity, settings.heartbeatInterval(), settings.heartbeatTimeout(),
                health, this::onRegisteredAgain);
        this.inbox = new Inbox(control);
        this.jobs = new Jobs(control, inbox, settings.jobRetention());
        this.directory = new JobDirectory(control);
        this.driverJob = new DriverJob(jobs, directory, health, id);
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2,
                Thread.ofPlatform().name("jray-node-", 0).daemon().factory());
        timers.setRemoveOnCancelPolicy(true);
        this.scheduler = timers;
        this.listener = new NotificationListener(redis, keys, id, health, this::onInboxMessage,
                settings.worker().block());
        this.codec = codec;
        this.objects = new LargeObjects(settings.store(), settings.namespace(), clusterId(), id, identity.hostId(),
                control, codec, clusterToken(settings.store().token()));
        registry.addFields(objects.registration());
        this.resolver = new ObjectResolver(control, codec, objects, refType, id, health, listener::watch,
                virtualThreads);
        IdGenerator ids = new IdGenerator(id);
        this.infeasible = new InfeasibleWork(control, id, settings.infeasibleTimeout());
        this.submitter = new TaskSubmitter(id, ids, functions, new ArgumentEncoder(objects, ids, id, resolver), resolver,
                control, inbox, health, listener, driverJob::get, settings.submitBatch(), infeasible);
        this.releaser = new ObjectReleaser(control, submitter, resolver, objects.store(), inbox, id, virtualThreads);
        ActorClient actors = new ActorClient(submitter, functions, control, inbox, jobs, health, ids, driverJob::get, id,
                actorHandleType);
        TaskCanceller canceller = new TaskCanceller(control, inbox, health, id, submitter::submitted);
        this.jray = new DefaultJRay(submitter, resolver, canceller, actors);
        this.operations = new ClusterOperations(control, canceller, actors, inbox, id, this::drain);
        this.functionDirectory = new FunctionDirectory(control, id, functions);
        this.worker = settings.workerEnabled() ? new Worker(control, id, settings.resources(), functions,
                functionDirectory, objects, new TaskArguments(resolver, codec), directory, health, scheduler, settings.worker(),
                registry::epoch) : null;
        registry.reportLoad(() -> NodeLoad.of(worker == null ? NodeLoad.Work.NONE
                : new NodeLoad.Work(worker.freeCpus(), worker.running(), worker.actors()), objects.store(), draining));
        this.reaper = new DeadNodeReaper(control, jobs, inbox, id, health, settings.heartbeatTimeout(),
                reapGrace(settings));
        this.chores = new NodeChores(scheduler, new NodeChores.Parts(registry, reaper, directory, objects, health,
                infeasible, releaser, resolver), settings.heartbeatInterval(), settings.heartbeatTimeout());
        this.inboxRouter = new InboxRouter(worker, objects, scheduler, virtualThreads, chores::refreshDirectory,
                this::drain);
        directory.onChange(this::onJobsChanged);
    }

    /**
     * Drains this node: it takes no more tasks and gives back those it read but did not start;
     * running tasks finish, actors living here stay. Returns whether it runs tasks at all.
     */
    public boolean drain() {
        if (worker == null) {
            return false;
        }
        if (!draining) {
            draining = true;
            log.info("jray node " + identity.id() + " is draining: it takes no more tasks");
            // why: stopping the reader waits for its read in flight; the timer threads must not
            virtualThreads.execute(() -> {
                worker.drain();
                registry.beat();
            });
        }
        return true;
    }

    /** Where the submissions and runs of tasks here are observed, so traces follow them. */
    public void observeWith(TaskObservations observations) {
        submitter.observeWith(observations);
        if (worker != null) {
            worker.observeWith(observations);
        }
    }

    /** Where to tell about the tasks submitted and run here, such as a metrics registry. */
    public void tellEvents(TaskEvents events) {
        submitter.tellEvents(events);
        if (worker != null) {
            worker.tellEvents(events);
        }
    }

    /** Tasks running on this node now. */
    public int runningTasks() {
        return worker == null ? 0 : worker.running();
    }

    /** Actors living on this node now. */
    public int hostedActors() {
        return worker == null ? 0 : worker.actors();
    }

    /** Reading and operating the cluster: summary, cancel, kill, drain. */
    public ClusterOperations operations() {
        return operations;
    }

    /** Whether this node was drained. */
    public boolean isDraining() {
        return draining;
    }

    /** Registers the node and starts listening and (if a worker) pulling tasks. */
    public synchronized void start() throws Exception {
        control.loadScripts();
        EvictionCheck.warnIfEvicting(redis);
        registry.addFields(functionDirectory.publish());
        registry.register();
        objects.open();
        directory.refresh();
        listener.start(resolver);
        if (worker != null) {
            worker.start();
        }
        chores.start();
        running = true;
        log.info("jray node " + identity.id() + " joined the cluster at Redis " + redis.address() + " (namespace '"
                + settings.namespace() + "', resources " + identity.resources() + ", "
                + (worker != null ? "runs tasks: " + functions.functions().size() + " remote functions, "
                        + functions.actorClasses().size() + " actor classes" : "submits only") + ")");
    }

    public JRay jray() {
        return jray;
    }

    public TaskSubmitter submitter() {
        return submitter;
    }

    public NodeIdentity identity() {
        return identity;
    }

    public ControlPlane control() {
        return control;
    }

    public ClusterHealth health() {
        return health;
    }

    /** The codec of values, restricted to the application's registered types. */
    public ValueCodec codec() {
        return codec;
    }

    /** What the control plane records of tasks. */
    public TaskRecords records() {
        return new TaskRecords(control);
    }

    public boolean isRunning() {
        return running;
    }

    /** The job of the tasks this node submits from outside any task; started on first use. */
    public String driverJob() {
        return driverJob.get();
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
        String job = driverJob.started();
        try {
            String ended = driverJob.forgetIfEnded();
            if (ended != null) {
                submitter.forgetJob(ended);
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

    private void onInboxMessage(Map<String, byte[]> message) {
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

    /** Leaves the cluster: unfinished work goes back to the queues, the driver's job ends. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        if (worker != null) {
            worker.close();
        }
        submitter.close();
        String job = driverJob.started();
        if (job != null && !health.isFailing()) {
            try {
                jobs.end(job);
            }
            catch (Exception e) {
                log.warn("Could not end job " + job + " cleanly: " + e);
            }
        }
        listener.close();
        chores.stop();
        registry.deregister();
        objects.close();
        virtualThreads.shutdownNow();
        log.info("jray node " + identity.id() + " left the cluster");
    }

    /** The configured cluster token, or the one kept in Redis. */
    private String clusterToken(String configured) {
        try {
            return ClusterToken.resolve(control, configured);
        }
        catch (Exception e) {
            throw new JRayUnavailableException("could not read the cluster token from Redis at " + redis.address()
                    + " (or set jray.object.token): " + e, e);
        }
    }

    /** How long a registration must stay missing before its node is dead: a few heartbeats, at most the timeout. */
    private static Duration reapGrace(NodeSettings settings) {
        Duration beats = settings.heartbeatInterval().multipliedBy(3);
        return beats.compareTo(settings.heartbeatTimeout()) < 0 ? beats : settings.heartbeatTimeout();
    }

    /** The id of the cluster behind this Redis and namespace. */
    private String clusterId() {
        try {
            return ClusterToken.clusterId(control);
        }
        catch (Exception e) {
            throw new JRayUnavailableException("could not read the cluster id from Redis at " + redis.address() + ": "
                    + e, e);
        }
    }

    /** Where this node keeps large objects. */
    public LargeObjects objects() {
        return objects;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (Exception e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
