package io.jray.runtime.control;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.Range;

import io.jray.api.TaskCancelledException;
import io.jray.runtime.core.IdGenerator;
import io.jray.runtime.serialization.RemoteError;

/**
 * Starts and ends jobs. A job is one driver's submission session: its keys share a hash slot, and
 * ending it retires them (values at once, metadata after the retention time).
 */
public final class Jobs {

    private final ControlPlane control;
    private final Inbox inbox;
    private final Duration retention;

    public Jobs(ControlPlane control, Inbox inbox, Duration retention) {
        this.control = control;
        this.inbox = inbox;
        this.retention = retention;
    }

    /** Registers a new job owned by {@code owner} and tells every node; returns its id. */
    public String start(String owner) throws Exception {
        String job = "j" + IdGenerator.random(7);
        Keys keys = control.keys();
        control.redis().async().hset(keys.jobMeta(job), Map.of(
                JobField.OWNER.code(), Scripts.b(owner),
                JobField.STARTED_AT.code(), Scripts.b(Long.toString(System.currentTimeMillis())),
                JobField.RETENTION.code(), Scripts.b(Long.toString(retention.toMillis())))).get(30, TimeUnit.SECONDS);
        control.redis().text().sadd(keys.jobs(), job).get(30, TimeUnit.SECONDS);
        inbox.broadcast(Inbox.JOBS, job).get(30, TimeUnit.SECONDS);
        return job;
    }

    /** Whether a job is active (started and not ended). */
    public boolean isActive(String job) throws Exception {
        return control.redis().text().sismember(control.keys().jobs(), job).get(10, TimeUnit.SECONDS);
    }

    /** The ids of the active jobs. */
    public Set<String> active() throws Exception {
        return control.redis().text().smembers(control.keys().jobs()).get(30, TimeUnit.SECONDS);
    }

    /** The resource shapes a job has queues of. */
    public Set<String> shapes(String job) throws Exception {
        return control.redis().text().smembers(control.keys().shapes(job)).get(30, TimeUnit.SECONDS);
    }

    /** The ids of a job's actors. */
    public Set<String> actors(String job) throws Exception {
        return control.redis().text().smembers(control.keys().actors(job)).get(30, TimeUnit.SECONDS);
    }

    /** Deletes a (dead) node's notification stream in a job. */
    public void dropNotifications(String job, String node) {
        control.redis().text().del(control.keys().notifications(job, node));
    }

    /** The node that owns a job, or {@code null}. */
    public String owner(String job) throws Exception {
        return control.redis().text().hget(control.keys().jobMeta(job), JobField.OWNER.code()).get(30, TimeUnit.SECONDS);
    }

    /**
     * Ends a job: its unfinished tasks are cancelled and its keys retired first, then every node is
     * told, so that what a node reports of an interrupted task afterwards is ignored.
     */
    public void end(String job) throws Exception {
        byte[] cancelled = RemoteError.of(TaskCancelledException.class, "job " + job + " ended (its driver left or was "
                + "declared dead) before the task finished", null, null, null).encode();
        Keys keys = control.keys();
        long now = System.currentTimeMillis();
        control.redis().text().srem(keys.jobs(), job).get(10, TimeUnit.SECONDS);
        control.redis().text().hset(keys.jobMeta(job), JobField.ENDED_AT.code(), Long.toString(now));
        control.redis().text().zadd(keys.endedJobs(), now, job);
        control.redis().text().zremrangebyscore(keys.endedJobs(), Range.create(0L, now - retention.toMillis()));
        long offset = 0;
        do {
            offset = control.endJob(job, retention.toMillis(), offset, cancelled).get(30, TimeUnit.SECONDS);
        }
        while (offset > 0);
        inbox.broadcast(Inbox.JOBS, job).get(10, TimeUnit.SECONDS);
    }
}
