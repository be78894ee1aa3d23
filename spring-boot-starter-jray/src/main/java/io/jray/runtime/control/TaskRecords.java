package io.jray.runtime.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;

import io.jray.runtime.core.ObjectId;

/**
 * Reads what the control plane records of tasks: state, node, attempt, timings, parent and
 * dependency edges. The dashboard and tests read through it; it never scans the keyspace.
 */
public final class TaskRecords {

    /**
     * A task as recorded.
     *
     * @param id the task
     * @param function its function id ({@code null} for a put value)
     * @param state W, Q, R, F, E or C
     * @param node the node that ran it last
     * @param attempt its attempt number
     * @param parent the task that submitted it
     * @param dependencies the objects of its job it waited for
     * @param submittedAt epoch ms
     * @param startedAt epoch ms, 0 if it did not start
     * @param endedAt epoch ms, 0 if it did not end
     */
    public record TaskInfo(ObjectId id, String function, String state, String node, int attempt, String parent,
            List<ObjectId> dependencies, long submittedAt, long startedAt, long endedAt) {

        public boolean isTask() {
            return function != null && !function.isEmpty();
        }
    }

    private static final int MAX_GRAPH = 100_000;
    private static final String[] FIELDS = RecordField.codes(RecordField.FUNCTION_ID, RecordField.STATE,
            RecordField.NODE, RecordField.ATTEMPT, RecordField.PARENT, RecordField.DEPENDENCIES, RecordField.SUBMITTED_AT,
            RecordField.STARTED_AT, RecordField.ENDED_AT);

    private final ControlPlane control;
    private final FunctionNames functions;

    public TaskRecords(ControlPlane control) {
        this.control = control;
        this.functions = new FunctionNames(control);
    }

    /** The function id a record's function field names (task records hold an interned code). */
    public String function(String job, String field) throws Exception {
        return functions.of(job, field);
    }

    /** The record of a task or object, or {@code null} when Redis has none. */
    public TaskInfo find(ObjectId id) throws Exception {
        List<String> v = control.redis().text().hmget(control.keys().record(id.job(), id.id()), FIELDS)
                .get(30, TimeUnit.SECONDS).stream().map(kv -> kv.getValueOrElse(null)).toList();
        if (v.get(1) == null) {
            return null;
        }
        List<ObjectId> deps = new ArrayList<>();
        if (v.get(5) != null && !v.get(5).isBlank()) {
            Arrays.stream(v.get(5).split(" ")).map(dep -> new ObjectId(id.job(), dep)).forEach(deps::add);
        }
        return new TaskInfo(id, function(id.job(), v.get(0)), v.get(1), v.get(2), v.get(3) == null ? 0 : Integer.parseInt(v.get(3)),
                v.get(4), List.copyOf(deps), number(v.get(6)), number(v.get(7)), number(v.get(8)));
    }

    /** The given fields of a record, in the order asked ({@code null} for those it lacks). */
    public CompletableFuture<List<String>> fields(ObjectId id, RecordField... fields) {
        return control.redis().text().hmget(control.keys().record(id.job(), id.id()), RecordField.codes(fields))
                .toCompletableFuture()
                .thenApply(values -> values.stream().map(kv -> kv.getValueOrElse(null)).toList());
    }

    /**
     * The given fields of a record that it has, as bytes (values and specs are binary); with them, in
     * the same pipeline, the task's log ({@code null} when it has none).
     */
    public RawRecord raw(ObjectId id, RecordField... fields) throws Exception {
        CompletableFuture<byte[]> log = control.redis().async().get(control.keys().taskLog(id.job(), id.id()))
                .toCompletableFuture();
        List<KeyValue<String, byte[]>> values = control.redis().async()
                .hmget(control.keys().record(id.job(), id.id()), RecordField.codes(fields)).get(30, TimeUnit.SECONDS);
        Map<RecordField, byte[]> present = new EnumMap<>(RecordField.class);
        for (int k = 0; k < fields.length; k++) {
            if (values.get(k).hasValue()) {
                present.put(fields[k], values.get(k).getValue());
            }
        }
        return new RawRecord(present, log.get(30, TimeUnit.SECONDS));
    }

    /**
     * What {@link #raw} read.
     *
     * @param fields the fields the record has, of those asked
     * @param log the task's encoded log, or {@code null}
     */
    public record RawRecord(Map<RecordField, byte[]> fields, byte[] log) {

        /** Whether the record has the field. */
        public boolean has(RecordField field) {
            return fields.containsKey(field);
        }

        /** The field's bytes, or {@code null}. */
        public byte[] bytes(RecordField field) {
            return fields.get(field);
        }

        /** The field as text, or {@code ""}. */
        public String text(RecordField field) {
            byte[] value = fields.get(field);
            return value == null ? "" : new String(value, StandardCharsets.UTF_8);
        }

        /** The field as a number, or 0. */
        public long number(RecordField field) {
            String value = text(field);
            return value.isEmpty() ? 0 : Long.parseLong(value);
        }
    }

    /**
     * The encoded spec in a task's queue entry: a spec is stored once, in the entry, while the task
     * is queued or running. {@code null} once the entry is gone.
     *
     * @param queue the record's queue field, as a key suffix ({@code q:<shape>@<node>}, {@code a:<actor>})
     * @param entry the record's entry id
     */
    public byte[] queuedSpec(ObjectId id, String queue, String entry) throws Exception {
        List<StreamMessage<String, byte[]>> entries = control.redis().async()
                .xrange(control.keys().job(id.job()) + queue, Range.create(entry, entry)).get(30, TimeUnit.SECONDS);
        return entries.isEmpty() ? null : entries.getFirst().getBody().get(QueueEntryField.SPEC.code());
    }

    /** The task's encoded log (see {@code TaskLog}), or {@code null} when it has none. */
    public byte[] log(ObjectId id) throws Exception {
        return control.redis().async().get(control.keys().taskLog(id.job(), id.id())).get(30, TimeUnit.SECONDS);
    }

    /** The state code of a record ({@code null} when Redis has none). */
    public CompletableFuture<String> state(ObjectId id) {
        return control.redis().text().hget(control.keys().record(id.job(), id.id()), RecordField.STATE.code()).toCompletableFuture();
    }

    /** Why the tasks of a job and shape ({@code job|shape}) cannot run now: no live node offers the shape. */
    public void markInfeasible(String jobAndShape, String why) {
        control.redis().text().hset(control.keys().infeasible(), jobAndShape, why);
    }

    /** The tasks of a job and shape can run again, or their job ended. */
    public void clearInfeasible(String jobAndShape) {
        control.redis().text().hdel(control.keys().infeasible(), jobAndShape);
    }

    /** Why the tasks of a job and shape cannot run, or {@code null} when they can. */
    public CompletableFuture<String> infeasible(String jobAndShape) {
        return control.redis().text().hget(control.keys().infeasible(), jobAndShape).toCompletableFuture();
    }

    /** Every job and shape whose tasks cannot run now, with why. */
    public Map<String, String> infeasible() throws Exception {
        return control.redis().text().hgetall(control.keys().infeasible()).get(10, TimeUnit.SECONDS);
    }

    /**
     * The depth of a task in its DAG: the number of tasks on the longest chain of dependencies that
     * ends with it (a task with no task dependencies has depth 1; put values count 0), read as
     * {@link TaskGraph} reads the graph ending in it; 0 when Redis has no record of it.
     */
    public int depth(ObjectId id) throws Exception {
        TaskGraph.Vertex vertex = new TaskGraph(control).read(id, MAX_GRAPH).vertices().get(id);
        return vertex == null ? 0 : vertex.depth();
    }

    private static long number(String s) {
        return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
    }
}
