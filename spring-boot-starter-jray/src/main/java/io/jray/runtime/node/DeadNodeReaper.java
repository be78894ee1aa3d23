package io.jray.runtime.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.ActorDiedException;
import io.jray.api.NodeDiedException;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.control.Keys;
import io.jray.runtime.control.Membership;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.serialization.RemoteError;

/**
 * Finds nodes whose heartbeat lapsed and takes back their work: the tasks they had read are queued
 * again (or fail once their retries are used up), the actors they hosted restart elsewhere (or
 * die), their jobs end when they were drivers, and their keys go. Every node checks; a lock makes
 * one of them do it.
 * <p>
 * A missing registration is not a death at once: this node must have reached Redis steadily for a
 * heartbeat timeout (after an outage or a restart of Redis every registration may have expired, and
 * live nodes need that long to beat again), and the registration must stay missing for a grace
 * period of a few heartbeats. A node that left cleanly says so, and is reaped at once.
 */
public final class DeadNodeReaper {

    private static final Log log = LogFactory.getLog(DeadNodeReaper.class);

    private final ControlPlane control;
    private final Jobs jobs;
    private final Inbox inbox;
    private final String self;
    private final ClusterHealth health;
    private final Duration steadyFor;
    private final Duration grace;
    /** Since when (epoch ms) each node has been seen without a registration. */
    private final Map<String, Long> missingSince = new HashMap<>();

    /**
     * @param steadyFor how long Redis must have answered this node before a missing registration counts
     * @param grace how long a registration must stay missing before its node is declared dead
     */
    public DeadNodeReaper(ControlPlane control, Jobs jobs, Inbox inbox, String self, ClusterHealth health,
            Duration steadyFor, Duration grace) {
        this.control = control;
        this.jobs = jobs;
        this.inbox = inbox;
        this.self = self;
        this.health = health;
        this.steadyFor = steadyFor;
        this.grace = grace;
    }

    /** One check: reaps every dead node this node gets the lock for; returns how many. */
    public synchronized int check() throws Exception {
        if (!health.steadyFor(steadyFor)) {
            missingSince.clear();
            return 0;
        }
        Membership members = control.membership();
        List<String> nodes = new ArrayList<>(members.nodes());
        nodes.remove(self);
        List<String> missing = members.unregistered(nodes);
        // why: only a node whose registration is gone can have left; live nodes cost one EXISTS each
        Set<String> leftCleanly = Set.copyOf(members.leftCleanly(missing));
        long now = System.currentTimeMillis();
        Map<String, Long> stillMissing = new HashMap<>();
        List<String> dead = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            String node = missing.get(i);
            boolean left = leftCleanly.contains(node);
            long since = missingSince.getOrDefault(node, now);
            stillMissing.put(node, since);
            if (left || now - since >= grace.toMillis()) {
                dead.add(node);
            }
        }
        missingSince.clear();
        missingSince.putAll(stillMissing);
        // why: an outage may have begun while this check waited; its answers then mean nothing
        if (!health.steadyFor(steadyFor)) {
            return 0;
        }
        int reaped = 0;
        for (String node : dead) {
            if (members.lockReaping(node, self, Duration.ofMinutes(1))) {
                missingSince.remove(node);
                reap(node);
                reaped++;
            }
        }
        return reaped;
    }

    /** Restarts, or ends, the actors of a job that the dead node hosted. */
    private void reapActors(String job, String dead) throws Exception {
        for (String actor : jobs.actors(job)) {
            if (reapActor(new ObjectId(job, actor), dead, null) > 0) {
                control.streams().dropConsumer(control.keys().job(job) + Keys.actorQueue(actor), dead);
            }
        }
    }

    /**
     * Restarts, or ends, an actor that {@code node} hosted: because the node died, or (with an
     * {@code epoch}) because its registration of that epoch lapsed, so that instance no longer counts.
     * Returns 0 when the node did not host it (in that epoch), 1 when it restarts, 2 when it is dead.
     */
    public long reapActor(ObjectId id, String node, Long epoch) throws Exception {
        String what = epoch == null ? "node " + node + " hosting actor [" + id + "] died"
                : "node " + node + " hosting actor [" + id + "] was declared dead (its registration " + epoch
                        + " lapsed)";
        byte[] dead = RemoteError.of(ActorDiedException.class, what + ", and the actor has no restarts left", null, null,
                node).encode();
        byte[] callLost = RemoteError.of(ActorDiedException.class, what + " while it held this call; the actor "
                + "restarts, but the call has no retries left (maxTaskRetries)", null, null, node).encode();
        long result;
        do {
            result = control.actors().reapActor(id, node, epoch, dead, callLost).get(60, TimeUnit.SECONDS);
        }
        while (result == 3);
        if (result > 0) {
            log.warn("Actor " + id + " lived on node " + node + (epoch == null ? ", which died" : " in its lapsed "
                    + "registration " + epoch) + ": " + (result == 1 ? "restarting it" : "it is dead"));
        }
        return result;
    }

    /**
     * Takes back what the dead node read from a queue; with {@code drain} (its own queue) also what
     * it never read, deleting the queue. Returns how many entries it had read.
     */
    private long reapQueue(String job, String queue, String dead, byte[] error, boolean drain) throws Exception {
        long handled;
        long total = 0;
        do {
            handled = control.reap(job, queue, dead, error, drain).get(60, TimeUnit.SECONDS);
            total += handled;
        }
        while (handled > 0);
        return total;
    }

    private void reap(String dead) throws Exception {
        Keys keys = control.keys();
        byte[] error = RemoteError.of(NodeDiedException.class, "node " + dead + " died while it held the task, "
                + "and the task has no retries left", null, null, dead).encode();
        long requeued = 0;
        for (String job : jobs.active()) {
            for (String shape : jobs.shapes(job)) {
                requeued += reapQueue(job, Keys.taskQueue(shape), dead, error, false);
                control.streams().dropConsumer(keys.queue(job, shape), dead);
                reapQueue(job, Keys.nodeQueue(shape, dead), dead, error, true);
            }
            reapActors(job, dead);
            jobs.dropNotifications(job, dead);
            if (dead.equals(jobs.owner(job))) {
                log.warn("Node " + dead + " owned job " + job + " and died: ending the job");
                jobs.end(job);
            }
        }
        control.membership().forget(dead);
        inbox.broadcast(Inbox.JOBS, "").get(30, TimeUnit.SECONDS);
        if (requeued > 0) {
            log.warn("Node " + dead + " stopped beating: took back " + requeued + " task(s) it had read");
        }
        else {
            log.info("Node " + dead + " is gone; it held no unfinished task");
        }
    }
}
