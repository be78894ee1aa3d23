package io.jray.runtime.worker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Keys;
import io.jray.runtime.control.QueueEntryField;
import io.jray.runtime.control.StreamEntry;
import io.jray.runtime.control.Streams;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.Resources;
import io.jray.runtime.node.ClusterHealth;

/**
 * Pulls ready tasks from the queues this node can serve, as it has free resources: one blocking
 * read over the queues of every active job, the shared queue of each shape and this node's own
 * (where tasks whose large arguments it holds wait). When tasks are short, more are read than fit
 * at once (prefetch); those wait in the {@link LocalQueue}, which gives back what waits too long.
 */
final class TaskDispatcher extends GroupReader {

    private static final Log log = LogFactory.getLog(TaskDispatcher.class);

    private final Keys keys;
    private final String node;
    private final Executor blockingWork;
    private final JobDirectory directory;
    private final ResourcePool pool;
    private final TaskRunner runner;
    private final PrefetchPolicy prefetch;
    private final LocalQueue local;
    private final LongSupplier epoch;
    private final HeldEntries held;
    private final Map<String, ResourcePool.Demand> shapes = new ConcurrentHashMap<>();
    /** The keys of this node's own queues whose group exists. */
    private final Set<String> nodeQueues = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** The queues of the last {@link #streams()}, by key. */
    private volatile Map<String, Queue> queues = Map.of();

    /** A queue to read; {@code name} is its key suffix, as outcomes name it. */
    private record Queue(String key, String job, String name, ResourcePool.Demand demand) {
    }

    TaskDispatcher(Streams streams, Keys keys, String node, JobDirectory directory, ResourcePool pool,
            TaskRunner runner, OutcomeReporter reporter, ClusterHealth health, PrefetchPolicy prefetch,
            Duration block, Duration giveBackAfter, Executor blockingWork, LongSupplier epoch, HeldEntries held) {
        super(streams, "task queue", node, health, block, blockingWork);
        this.epoch = epoch;
        this.held = held;
        this.keys = keys;
        this.node = node;
        this.blockingWork = blockingWork;
        this.directory = directory;
        this.pool = pool;
        this.runner = runner;
        this.prefetch = prefetch;
        this.local = new LocalQueue(pool, runner, reporter, prefetch, giveBackAfter);
        directory.onChange(this::jobsChanged);
        pool.onRelease(this::resourcesReleased);
    }

    @Override
    void start() {
        super.start();
        jobsChanged();
    }

    private void jobsChanged() {
        wake();
        CompletableFuture.runAsync(this::createNodeQueues, blockingWork);
    }

    /**
     * Creates this node's own queue of every shape it can serve in every job, and lists it in the
     * job's targets, so that tasks whose large arguments it holds can be queued for it.
     */
    private void createNodeQueues() {
        Map<String, Set<String>> jobs = directory.jobs();
        nodeQueues.removeIf(key -> !jobs.containsKey(keys.jobOf(key)));
        boolean created = false;
        for (Map.Entry<String, Set<String>> job : jobs.entrySet()) {
            for (String shape : job.getValue()) {
                String name = Keys.nodeQueue(shape, node);
                String key = keys.job(job.getKey()) + name;
                if (!demand(shape).feasible() || nodeQueues.contains(key)) {
                    continue;
                }
                try {
                    streamsOfRedis().createTarget(job.getKey(), name).get(10, TimeUnit.SECONDS);
                    nodeQueues.add(key);
                    created = true;
                }
                catch (Exception e) {
                    log.debug("Could not create the queue " + key + " of this node", e);
                }
            }
        }
        if (created) {
            wake();
        }
    }

    /** A task ended or blocked: start what waits here, and read more if there is room. */
    private void resourcesReleased() {
        local.startReady();
        wakeIfMoreQueuesFit();
        kick();
    }

    /** Drops a cancelled task held here, or interrupts it if it runs here. */
    void cancel(ObjectId task) {
        local.cancel(task);
    }

    void retainJobs(Set<String> active) {
        local.retainJobs(active);
    }

    @Override
    public List<String> streams() {
        Map<String, Queue> readable = readableQueues(!prefetch.readsAhead());
        queues = readable;
        return List.copyOf(readable.keySet());
    }

    @Override
    public int count(List<String> streams) {
        int fit = 0;
        for (String key : streams) {
            Queue queue = queues.get(key);
            if (queue != null) {
                fit = Math.max(fit, pool.fits(queue.demand(), 10_000));
            }
        }
        return prefetch.readCount(fit, local.size());
    }

    @Override
    public void received(List<StreamEntry> messages) {
        long now = System.nanoTime();
        long readIn = epoch.getAsLong();
        Map<String, Queue> known = queues;
        for (StreamEntry message : messages) {
            Queue queue = known.get(message.stream());
            if (queue == null) {
                // why: the queues may have been listed again meanwhile without this one (its demand did not
                // fit at that moment); an entry read must still be taken, or it stays pending for ever
                queue = queueOf(message.stream());
            }
            Map<String, byte[]> body = message.body();
            byte[] task = body.get(QueueEntryField.TASK.code());
            byte[] attempt = body.get(QueueEntryField.ATTEMPT.code());
            byte[] spec = body.get(QueueEntryField.SPEC.code());
            int a = attempt(attempt);
            if (queue == null || task == null || a < 0 || spec == null) {
                streamsOfRedis().setAside(message, queue == null ? "not a task queue"
                        : "it lacks a task id, a numeric attempt or a spec");
                continue;
            }
            held.add(message.stream(), message.id());
            local.add(new Delivery(new ObjectId(queue.job(), text(task)), a,
                    queue.name(), queue.demand(), message.id(), spec, now, readIn));
        }
        local.startReady();
        local.giveBackStale();
    }

    @Override
    public boolean holds(String stream, String entryId) {
        return held.holds(stream, entryId);
    }

    @Override
    public void groupGone() {
        // why: a reaper that took this node for dead deleted its own queues; they are made again
        if (!nodeQueues.isEmpty()) {
            log.warn("The queues of node " + node + " were deleted (it was taken for dead): creating them again");
            nodeQueues.clear();
        }
        try {
            directory.refresh();
        }
        catch (Exception e) {
            log.debug("refreshing the job directory failed", e);
        }
    }

    /** The queue of a stream key, or {@code null} when the key names no task queue. */
    private Queue queueOf(String key) {
        Keys.TaskQueue parsed = keys.taskQueueOf(key);
        return parsed == null ? null : new Queue(key, parsed.job(), parsed.name(), demand(parsed.shape()));
    }

    /** The queues this node can serve, and (unless reading ahead) has room for now. */
    private Map<String, Queue> readableQueues(boolean fitNow) {
        Map<String, Queue> readable = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> job : directory.jobs().entrySet()) {
            for (String shape : job.getValue()) {
                ResourcePool.Demand demand = demand(shape);
                if (demand.feasible() && (!fitNow || pool.fits(demand, 1) > 0)) {
                    String ownName = Keys.nodeQueue(shape, node);
                    String own = keys.job(job.getKey()) + ownName;
                    if (nodeQueues.contains(own)) {
                        readable.put(own, new Queue(own, job.getKey(), ownName, demand));
                    }
                    String key = keys.queue(job.getKey(), shape);
                    readable.put(key, new Queue(key, job.getKey(), Keys.taskQueue(shape), demand));
                }
            }
        }
        return readable;
    }

    private ResourcePool.Demand demand(String shape) {
        return shapes.computeIfAbsent(shape, s -> {
            try {
                return pool.compile(Resources.parseShape(s));
            }
            catch (RuntimeException e) {
                log.warn("Ignoring a queue with a malformed resource shape '" + s + "'");
                return pool.compile(Resources.of(Map.of(Resources.CPU, Double.MAX_VALUE)));
            }
        });
    }

    /** Ends a blocking read when freed resources let this node serve a queue it does not read now. */
    private void wakeIfMoreQueuesFit() {
        Set<String> current = reading();
        if (current == null || prefetch.readsAhead()) {
            return;
        }
        for (String key : readableQueues(true).keySet()) {
            if (!current.contains(key)) {
                wake();
                return;
            }
        }
    }

    /**
     * This node's registration lapsed and it joined again as a new epoch: what it read but did not
     * start goes back (a reaper may have queued it again already), and its own queues are made again.
     */
    void registeredAgain() {
        local.giveBackAll();
        nodeQueues.clear();
        jobsChanged();
    }

    /** Stops reading and hands back what it read but did not start; running tasks go on. */
    void stopTaking() {
        if (stopped.compareAndSet(false, true)) {
            super.close();
            local.giveBackAll();
        }
    }

    /** Stops taking tasks (see {@link #stopTaking()}) and waits for running ones. */
    void closeWithin(Duration grace) {
        stopTaking();
        long deadline = System.nanoTime() + grace.toNanos();
        while (runner.runningCount() > 0 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
