package io.jray.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.jray.runtime.control.ClusterView;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.JobListing;
import io.jray.runtime.control.TaskGraph;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.task.ActorClient;
import io.jray.runtime.task.TaskCanceller;

/**
 * What an operator can do to the cluster from any node (the actuator endpoint and the dashboard
 * call it): read its summary, cancel a task, kill an actor, drain a node.
 */
public final class ClusterOperations {

    private final ClusterView view;
    private final TaskGraph graph;
    private final JobListing jobs;
    private final TaskCanceller canceller;
    private final ActorClient actors;
    private final ControlPlane control;
    private final Inbox inbox;
    private final String self;
    private final BooleanSupplier drainSelf;

    /** @param drainSelf drains this node, answering whether it runs tasks at all */
    public ClusterOperations(ControlPlane control, TaskCanceller canceller, ActorClient actors, Inbox inbox,
            String self, BooleanSupplier drainSelf) {
        this.view = new ClusterView(control);
        this.graph = new TaskGraph(control);
        this.jobs = new JobListing(control);
        this.control = control;
        this.canceller = canceller;
        this.actors = actors;
        this.inbox = inbox;
        this.self = self;
        this.drainSelf = drainSelf;
    }

    /** The cluster now: live nodes and active jobs. */
    public ClusterView.Summary summary() throws Exception {
        return view.summary();
    }

    /** The actors of the active jobs, at most {@code limit}. */
    public List<ClusterView.ActorInfo> actors(int limit) throws Exception {
        return view.actors(limit);
    }

    /** The graph of tasks and values that ends in {@code end}, at most {@code limit} vertices. */
    public TaskGraph.Graph graph(ObjectId end, int limit) throws Exception {
        return graph.read(end, limit);
    }

    /** The graph of tasks and values that ends in any of {@code ends}, at most {@code limit} vertices. */
    public TaskGraph.Graph graph(List<ObjectId> ends, int limit) throws Exception {
        return graph.read(ends, limit);
    }

    /** The active jobs and those ended within the retention time, newest first, at most {@code limit}. */
    public List<JobListing.Job> jobs(int limit) throws Exception {
        return jobs.jobs(limit);
    }

    /** The graph of a whole job: its records, oldest first, at most {@code limit} vertices. */
    public TaskGraph.Graph jobGraph(String job, int limit) throws Exception {
        return jobGraph(job, limit, List.of());
    }

    /**
     * The graph of a whole job: its records, oldest first, then the tasks of {@code alsoThese} (such
     * as the history's, whose records left the job's index when their values were freed but are kept
     * for the retention time), at most {@code limit} vertices.
     */
    public TaskGraph.Graph jobGraph(String job, int limit, List<ObjectId> alsoThese) throws Exception {
        Set<ObjectId> ends = new LinkedHashSet<>();
        jobs.records(job, limit).forEach(id -> ends.add(new ObjectId(job, id)));
        ends.addAll(alsoThese);
        return ends.isEmpty() ? new TaskGraph.Graph(null, Map.of(), false) : graph.read(List.copyOf(ends), limit);
    }

    /** Cancels a task that has not finished; returns whether it was unfinished. */
    public boolean cancel(ObjectId task) {
        return canceller.cancel(task);
    }

    /**
     * Kills an actor.
     *
     * @throws IllegalArgumentException when no actor has this id
     */
    public void kill(ObjectId actor) {
        actors.kill(actor);
    }

    /**
     * Drains a node: it takes no more tasks, finishes those it runs, keeps its actors.
     *
     * @return whether a live node with this id was told to
     */
    public boolean drain(String node) throws Exception {
        if (node.equals(self)) {
            return drainSelf.getAsBoolean();
        }
        if (!control.membership().isRegistered(node).get(10, TimeUnit.SECONDS)) {
            return false;
        }
        inbox.send(node, Inbox.DRAIN, "").get(10, TimeUnit.SECONDS);
        return true;
    }
}
