package io.jray.runtime.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.Consumer;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.ActorDiedException;
import io.jray.api.NodeDiedException;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.control.Keys;
import io.jray.runtime.serialization.RemoteError;
import io.jray.runtime.task.ObjectId;

/**
 * Finds nodes whose heartbeat lapsed and takes back their work: the tasks they had read are queued
 * again (or fail once their retries are used up), the actors they hosted restart elsewhere (or
 * die), their jobs end when they were drivers, and their keys go. Every node checks; a lock makes
 * one of them do it.
 */
public final class DeadNodeReaper {

    private static final Log log = LogFactory.getLog(DeadNodeReaper.class);

    private final ControlPlane control;
    private final Jobs jobs;
    private final Inbox inbox;
    private final String self;

    public DeadNodeReaper(ControlPlane control, Jobs jobs, Inbox inbox, String self) {
        this.control = control;
        this.jobs = jobs;
        this.inbox = inbox;
        this.self = self;
    }

    /** One check: reaps every dead node this node gets the lock for; returns how many. */
    public int check() throws Exception {
        Keys keys = control.keys();
        RedisAsyncCommands<String, String> redis = control.redis().text();
        List<String> nodes = new ArrayList<>(redis.smembers(keys.nodes()).get(30, TimeUnit.SECONDS));
        nodes.remove(self);
        List<CompletableFuture<Long>> exists = nodes.stream()
                .map(node -> redis.exists(keys.node(node)).toCompletableFuture()).toList();
        int reaped = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (exists.get(i).get(30, TimeUnit.SECONDS) == 0) {
                String dead = nodes.get(i);
                String lock = redis.set(keys.reaper(dead), self, SetArgs.Builder.nx().px(60_000))
                        .get(30, TimeUnit.SECONDS);
                if ("OK".equals(lock)) {
                    reap(dead);
                    reaped++;
                }
            }
        }
        return reaped;
    }

    /** Restarts, or ends, the actors of a job that the dead node hosted. */
    private void reapActors(String job, String dead) throws Exception {
        RedisAsyncCommands<String, String> redis = control.redis().text();
        for (String actor : redis.smembers(control.keys().actors(job)).get(30, TimeUnit.SECONDS)) {
            ObjectId id = new ObjectId(job, actor);
            byte[] error = RemoteError.of(ActorDiedException.class, "node " + dead + " hosting actor [" + id
                    + "] died, and the actor has no restarts left", null, null, dead).encode();
            long result = control.reapActor(id, dead, error).get(60, TimeUnit.SECONDS);
            if (result > 0) {
                redis.xgroupDelconsumer(control.keys().job(job) + Keys.actorQueue(actor), Consumer.from("w", dead))
                        .exceptionally(e -> 0L);
                log.warn("Actor " + id + " lived on dead node " + dead + ": " + (result == 1 ? "restarting it elsewhere"
                        : "it is dead"));
            }
        }
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
        RedisAsyncCommands<String, String> redis = control.redis().text();
        byte[] error = RemoteError.of(NodeDiedException.class, "node " + dead + " died while it held the task, "
                + "and the task has no retries left", null, null, dead).encode();
        long requeued = 0;
        Set<String> active = redis.smembers(keys.jobs()).get(30, TimeUnit.SECONDS);
        for (String job : active) {
            for (String shape : redis.smembers(keys.shapes(job)).get(30, TimeUnit.SECONDS)) {
                requeued += reapQueue(job, Keys.taskQueue(shape), dead, error, false);
                redis.xgroupDelconsumer(keys.queue(job, shape), Consumer.from("w", dead))
                        .exceptionally(e -> 0L);
                reapQueue(job, Keys.nodeQueue(shape, dead), dead, error, true);
            }
            reapActors(job, dead);
            redis.del(keys.notifications(job, dead));
            if (dead.equals(jobs.owner(job))) {
                log.warn("Node " + dead + " owned job " + job + " and died: ending the job");
                jobs.end(job);
            }
        }
        redis.srem(keys.nodes(), dead).get(30, TimeUnit.SECONDS);
        redis.del(keys.inbox(dead)).get(30, TimeUnit.SECONDS);
        inbox.broadcast(Inbox.JOBS, "").get(30, TimeUnit.SECONDS);
        if (requeued > 0) {
            log.warn("Node " + dead + " stopped beating: took back " + requeued + " task(s) it had read");
        }
        else {
            log.info("Node " + dead + " is gone; it held no unfinished task");
        }
    }
}
