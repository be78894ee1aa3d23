package io.jray.runtime.control;

/**
 * The layout of jray's keys under a namespace (default {@code jray}). Keys of one job share the
 * hash tag {@code {job}}, so every script touches one hash slot; keys of one node share the tag
 * {@code {node}}; the two cluster-wide sets have no tag.
 */
public final class Keys {

    private final String ns;

    public Keys(String namespace) {
        if (namespace == null || namespace.isBlank() || namespace.contains("{") || namespace.contains("}")) {
            throw new IllegalArgumentException("jray.namespace must be non-blank text without braces, was '"
                    + namespace + "'");
        }
        this.ns = namespace;
    }

    public String namespace() {
        return ns;
    }

    /** Set of the ids of active jobs. */
    public String jobs() {
        return ns + ":jobs";
    }

    /** Sorted set of the ids of ended jobs, scored by when they ended; kept for the job retention time. */
    public String endedJobs() {
        return ns + ":jobs:ended";
    }

    /** Set of the ids of registered nodes. */
    public String nodes() {
        return ns + ":nodes";
    }

    /** Hash of actor names to {@code job/actor/class}: named actors, found from any node. */
    public String actorNames() {
        return ns + ":actors";
    }

    /** Capped stream of queue entries set aside because they could not be run. */
    public String poison() {
        return ns + ":poison";
    }

    /** Stream of task events, written while a dashboard listens (see {@link #eventsListened()}). */
    public String events() {
        return ns + ":ev";
    }

    /** String a dashboard keeps (expiring) while it listens to task events. */
    public String eventsListened() {
        return ns + ":ev:on";
    }

    /** Hash describing a node; it expires unless the node keeps beating. */
    public String node(String node) {
        return ns + ":node:{" + node + "}";
    }

    /** What every node hash key starts with: {@link #node(String)} is this, the id and a closing brace. */
    public String nodePrefix() {
        return ns + ":node:{";
    }

    /** Stream of control messages for a node. */
    public String inbox(String node) {
        return ns + ":node:{" + node + "}:inbox";
    }

    /** Hash of the resource shapes no live node offers ({@code <job>|<shape>}), with what asks for them. */
    public String infeasible() {
        return ns + ":infeasible";
    }

    /** Set of the remote function ids of one version of an application, named by their digest. */
    public String functionSet(String digest) {
        return ns + ":fns:" + digest;
    }

    /** Counter of registrations in the cluster: each one is a new epoch, never used before. */
    public String epochs() {
        return ns + ":epochs";
    }

    /** String a node leaves (expiring) when it leaves cleanly, so that it is reaped without a grace period. */
    public String nodeLeft(String node) {
        return ns + ":node:{" + node + "}:left";
    }

    /** Lock taken by the node that cleans up after a dead node. */
    public String reaper(String deadNode) {
        return ns + ":node:{" + deadNode + "}:reaper";
    }

    /** The prefix of all keys of a job, the {@code KEYS[1]} of every job script. */
    public String job(String job) {
        return ns + ":{" + job + "}:";
    }

    /** Hash describing a job. */
    public String jobMeta(String job) {
        return job(job) + JobKey.META.suffix();
    }

    /** Set of queue shapes used in a job. */
    public String shapes(String job) {
        return job(job) + JobKey.SHAPES.suffix();
    }

    /** Sorted set of every record id of a job, scored by submission time. */
    public String records(String job) {
        return job(job) + JobKey.RECORDS.suffix();
    }

    /** Hash of one task or object. */
    public String record(String job, String id) {
        return job(job) + JobKey.RECORD.suffix() + id;
    }

    /** Set of the nodes holding a copy of a large object. */
    public String holders(String job, String id) {
        return job(job) + JobKey.HOLDERS.suffix() + id;
    }

    /** What a task printed and logged, its attempts one after the other (see {@code TaskLog}); expires by itself. */
    public String taskLog(String job, String id) {
        return job(job) + JobKey.LOG.suffix() + id;
    }

    /** Prefix of the task history's keys: bitmaps, rows, dependents, counters (see {@code index.lua}). */
    public String history() {
        return ns + ":h:";
    }

    /** Stream of ready tasks of one resource shape in a job. */
    public String queue(String job, String shape) {
        return job(job) + taskQueue(shape);
    }

    /** The key suffix of the task queue of a shape, as records and outcomes name it. */
    public static String taskQueue(String shape) {
        return JobKey.TASK_QUEUE.suffix() + shape;
    }

    /** Set of the ids of the actors of a job. */
    public String actors(String job) {
        return job(job) + JobKey.ACTORS.suffix();
    }

    /**
     * The key suffix of a node's own queue of a shape: tasks whose large arguments the node holds
     * wait there (see {@link #targets(String)}).
     */
    public static String nodeQueue(String shape, String node) {
        return taskQueue(shape) + "@" + node;
    }

    /** Hash of the function ids a job's task records name by a short code (see {@link FunctionNames}). */
    public String functions(String job) {
        return job(job) + JobKey.FUNCTIONS.suffix();
    }

    /** Set of the node queues ({@link #nodeQueue}) that nodes read in a job. */
    public String targets(String job) {
        return job(job) + JobKey.TARGETS.suffix();
    }

    /** The key suffix of an actor's call stream, as records and outcomes name it. */
    public static String actorQueue(String actor) {
        return JobKey.ACTOR_QUEUE.suffix() + actor;
    }

    /** Stream of settled objects that a node owns or subscribed to, in a job. */
    public String notifications(String job, String node) {
        return job(job) + JobKey.NOTES.suffix() + node;
    }

    /**
     * A task queue's key taken apart.
     *
     * @param job the job
     * @param name the key suffix, as records name the queue ({@code q:<shape>} or {@code q:<shape>@<node>})
     * @param shape the resource shape its tasks need
     */
    public record TaskQueue(String job, String name, String shape) {
    }

    /** The job, suffix and shape of a task queue's key (a shape's or a node's own), or {@code null} for another key. */
    public TaskQueue taskQueueOf(String key) {
        String job = jobOf(key);
        if (job == null || !key.startsWith(job(job) + JobKey.TASK_QUEUE.suffix())) {
            return null;
        }
        String name = key.substring(job(job).length());
        int at = name.indexOf('@');
        return new TaskQueue(job, name, name.substring(JobKey.TASK_QUEUE.suffix().length(), at < 0 ? name.length() : at));
    }

    /** The job id of a job-level key, or {@code null}. */
    public String jobOf(String key) {
        int open = key.indexOf('{');
        int close = key.indexOf('}', open);
        return open < 0 || close < 0 || !key.startsWith(ns + ":{") ? null : key.substring(open + 1, close);
    }
}
