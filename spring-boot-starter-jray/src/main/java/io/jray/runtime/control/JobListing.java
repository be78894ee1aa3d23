package io.jray.runtime.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.async.RedisAsyncCommands;

/** The jobs an operator can look at: the active ones and those ended within the retention time. */
public final class JobListing {

    /**
     * A job.
     *
     * @param id its id
     * @param owner the node whose driver it is
     * @param startedAt when it started (epoch ms), 0 when unknown
     * @param endedAt when it ended (epoch ms), 0 while it runs
     * @param active whether it runs
     */
    public record Job(String id, String owner, long startedAt, long endedAt, boolean active) {
    }

    private final ControlPlane control;

    public JobListing(ControlPlane control) {
        this.control = control;
    }

    /** The active jobs and the latest ended ones, newest first, at most {@code limit}: three round trips. */
    public List<Job> jobs(int limit) throws Exception {
        Keys keys = control.keys();
        RedisAsyncCommands<String, String> redis = control.redis().text();
        CompletableFuture<Set<String>> active = redis.smembers(keys.jobs()).toCompletableFuture();
        CompletableFuture<List<String>> ended = redis.zrevrange(keys.endedJobs(), 0, limit - 1).toCompletableFuture();
        Set<String> activeIds = active.get(10, TimeUnit.SECONDS);
        Set<String> ids = new LinkedHashSet<>(activeIds);
        ids.addAll(ended.get(10, TimeUnit.SECONDS));
        List<String> order = new ArrayList<>(ids);
        List<CompletableFuture<List<KeyValue<String, String>>>> metas = new ArrayList<>();
        for (String job : order) {
            metas.add(redis.hmget(keys.jobMeta(job), JobField.OWNER.code(), JobField.STARTED_AT.code(),
                    JobField.ENDED_AT.code()).toCompletableFuture());
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            List<KeyValue<String, String>> meta = metas.get(i).get(10, TimeUnit.SECONDS);
            jobs.add(new Job(order.get(i), meta.get(0).getValueOrElse(null), number(meta.get(1).getValueOrElse(null)),
                    number(meta.get(2).getValueOrElse(null)), activeIds.contains(order.get(i))));
        }
        jobs.sort(Comparator.comparingLong(Job::startedAt).reversed());
        return jobs.size() > limit ? List.copyOf(jobs.subList(0, limit)) : jobs;
    }

    /** The ids of a job's records, oldest first, at most {@code limit}. */
    public List<String> records(String job, int limit) throws Exception {
        return control.redis().text().zrange(control.keys().records(job), 0, limit - 1).get(10, TimeUnit.SECONDS);
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
