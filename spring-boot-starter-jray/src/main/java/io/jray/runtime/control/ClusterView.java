package io.jray.runtime.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Reads what the cluster looks like now from Redis: its nodes with what their heartbeats report,
 * and its active jobs with their records, queued tasks and actors. A few pipelined reads per node
 * and job; it never scans the keyspace. The actuator endpoint and the dashboard read through it.
 */
public final class ClusterView {

    /**
     * A node as its hash describes it.
     *
     * @param id the node id
     * @param host its host name
     * @param hostId the host id shared by nodes that map each other's object files
     * @param resources its resource shape, such as {@code cpu=4,gpu=1}
     * @param worker whether it runs tasks
     * @param heartbeatAgeMillis how long ago it last beat
     * @param load what its last heartbeat reported (free slots, running tasks, object store use...)
     */
    public record NodeInfo(String id, String host, String hostId, String resources, boolean worker,
            long heartbeatAgeMillis, Map<String, String> load) {

        /** A number the heartbeat reported, or 0. */
        public long loadOf(String field) {
            String value = load.get(field);
            return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
        }
    }

    /**
     * An active job.
     *
     * @param id the job id
     * @param owner the node that owns it
     * @param records its records still indexed (unfinished or referenced tasks and objects)
     * @param queued task entries in its queues (ready, or read and not yet done)
     * @param actors its actors
     */
    public record JobInfo(String id, String owner, long records, long queued, long actors) {
    }

    /**
     * An actor of an active job.
     *
     * @param id {@code job/actor}
     * @param actorClass its class name
     * @param name its cluster-wide name, or empty
     * @param state alive, being created, failed (creation) or dead
     * @param node the node hosting it, or empty
     * @param restarts how often it was created anew after its node died
     * @param pendingCalls calls in its stream (waiting, or read and not finished)
     */
    public record ActorInfo(String id, String actorClass, String name, String state, String node, long restarts,
            long pendingCalls) {
    }

    /** The cluster now: nodes (live ones) and active jobs. */
    public record Summary(List<NodeInfo> nodes, List<JobInfo> jobs) {
    }

    private static final Set<String> IDENTITY = Arrays.stream(NodeField.values()).filter(f -> !f.isLoad())
            .map(NodeField::code).collect(Collectors.toUnmodifiableSet());

    private final ControlPlane control;

    public ClusterView(ControlPlane control) {
        this.control = control;
    }

    /** Reads the summary; fails when Redis does not answer within 10 seconds. */
    public Summary summary() throws Exception {
        Keys keys = control.keys();
        RedisAsyncCommands<String, String> redis = control.redis().text();
        CompletableFuture<Set<String>> nodeSet = redis.smembers(keys.nodes()).toCompletableFuture();
        CompletableFuture<Set<String>> jobSet = redis.smembers(keys.jobs()).toCompletableFuture();
        List<String> nodeIds = new ArrayList<>(nodeSet.get(10, TimeUnit.SECONDS));
        List<String> jobIds = new ArrayList<>(jobSet.get(10, TimeUnit.SECONDS));
        nodeIds.sort(null);
        jobIds.sort(null);
        List<CompletableFuture<Map<String, String>>> hashes = nodeIds.stream()
                .map(node -> redis.hgetall(keys.node(node)).toCompletableFuture()).toList();
        List<JobReads> jobReads = jobIds.stream().map(job -> JobReads.start(redis, keys, job)).toList();
        long now = System.currentTimeMillis();
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < nodeIds.size(); i++) {
            Map<String, String> hash = hashes.get(i).get(10, TimeUnit.SECONDS);
            if (hash != null && !hash.isEmpty()) {
                nodes.add(node(nodeIds.get(i), hash, now));
            }
        }
        List<List<CompletableFuture<Long>>> queueLengths = new ArrayList<>();
        for (JobReads reads : jobReads) {
            queueLengths.add(reads.queueLengths(redis, keys));
        }
        List<JobInfo> jobs = new ArrayList<>();
        for (int i = 0; i < jobReads.size(); i++) {
            jobs.add(jobReads.get(i).finish(queueLengths.get(i)));
        }
        return new Summary(List.copyOf(nodes), List.copyOf(jobs));
    }

    /** The actors of every active job, at most {@code limit}, by job then id. */
    public List<ActorInfo> actors(int limit) throws Exception {
        Keys keys = control.keys();
        RedisAsyncCommands<String, String> redis = control.redis().text();
        List<String> jobIds = new ArrayList<>(redis.smembers(keys.jobs()).get(10, TimeUnit.SECONDS));
        jobIds.sort(null);
        List<ActorInfo> actors = new ArrayList<>();
        for (String job : jobIds) {
            List<String> ids = new ArrayList<>(redis.smembers(keys.actors(job)).get(10, TimeUnit.SECONDS));
            ids.sort(null);
            ids = ids.subList(0, Math.min(ids.size(), limit - actors.size()));
            List<CompletableFuture<List<io.lettuce.core.KeyValue<String, String>>>> records = ids.stream()
                    .map(id -> redis.hmget(keys.record(job, id), RecordField.codes(RecordField.FUNCTION_ID, RecordField.NAME, RecordField.STATE, RecordField.NODE,
                            RecordField.RESTARTS)).toCompletableFuture()).toList();
            List<CompletableFuture<Long>> pending = ids.stream()
                    .map(id -> redis.xlen(keys.job(job) + Keys.actorQueue(id)).toCompletableFuture()).toList();
            for (int i = 0; i < ids.size(); i++) {
                List<String> f = records.get(i).get(10, TimeUnit.SECONDS).stream().map(kv -> kv.getValueOrElse("")).toList();
                String function = f.get(0);
                actors.add(new ActorInfo(job + "/" + ids.get(i), function.contains("#")
                        ? function.substring(0, function.indexOf('#')) : function, f.get(1), RecordState.actorWord(f.get(2)),
                        f.get(3), f.get(4).isEmpty() ? 0 : Long.parseLong(f.get(4)), pending.get(i).get(10, TimeUnit.SECONDS)));
            }
            if (actors.size() >= limit) {
                break;
            }
        }
        return actors;
    }

    private static NodeInfo node(String id, Map<String, String> hash, long now) {
        Map<String, String> load = new TreeMap<>(hash);
        load.keySet().removeAll(IDENTITY);
        String beat = hash.get(NodeField.BEAT.code());
        return new NodeInfo(id, hash.get(NodeField.HOST.code()), hash.get(NodeField.HOST_ID.code()),
                hash.get(NodeField.RESOURCES.code()), "1".equals(hash.get(NodeField.WORKER.code())),
                beat == null ? -1 : Math.max(0, now - Long.parseLong(beat)), Map.copyOf(load));
    }

    /** The reads of one job, issued together (every job's before any is awaited). */
    private record JobReads(String job, CompletableFuture<String> owner, CompletableFuture<Long> records,
            CompletableFuture<Set<String>> shapes, CompletableFuture<Set<String>> targets,
            CompletableFuture<Long> actors) {

        static JobReads start(RedisAsyncCommands<String, String> redis, Keys keys, String job) {
            return new JobReads(job, redis.hget(keys.jobMeta(job), JobField.OWNER.code()).toCompletableFuture(),
                    redis.zcard(keys.records(job)).toCompletableFuture(),
                    redis.smembers(keys.shapes(job)).toCompletableFuture(),
                    redis.smembers(keys.targets(job)).toCompletableFuture(),
                    redis.scard(keys.actors(job)).toCompletableFuture());
        }

        /** Issues the reads of the lengths of the job's queues, once its shapes and targets are known. */
        List<CompletableFuture<Long>> queueLengths(RedisAsyncCommands<String, String> redis, Keys keys) throws Exception {
            List<CompletableFuture<Long>> lengths = new ArrayList<>();
            for (String shape : shapes.get(10, TimeUnit.SECONDS)) {
                lengths.add(redis.xlen(keys.queue(job, shape)).toCompletableFuture());
            }
            for (String target : targets.get(10, TimeUnit.SECONDS)) {
                lengths.add(redis.xlen(keys.job(job) + target).toCompletableFuture());
            }
            return lengths;
        }

        JobInfo finish(List<CompletableFuture<Long>> lengths) throws Exception {
            long queued = 0;
            for (CompletableFuture<Long> length : lengths) {
                queued += length.get(10, TimeUnit.SECONDS);
            }
            return new JobInfo(job, owner.get(10, TimeUnit.SECONDS), records.get(10, TimeUnit.SECONDS), queued,
                    actors.get(10, TimeUnit.SECONDS));
        }
    }
}
