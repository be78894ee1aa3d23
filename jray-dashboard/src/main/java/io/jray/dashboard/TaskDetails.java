package io.jray.dashboard;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.jray.runtime.JRayNode;
import io.jray.runtime.control.RecordField;
import io.jray.runtime.control.RecordKind;
import io.jray.runtime.control.RecordState;
import io.jray.runtime.control.TaskRecords;
import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.TaskArg;
import io.jray.runtime.core.TaskSpec;
import io.jray.runtime.logs.TaskLog;
import io.jray.runtime.serialization.RemoteError;

/**
 * Reads what the task page shows: the task's record (one HMGET), its dependencies' states (one
 * pipelined read), its dependents and attempts from the history, and its log (one GET). Values are previewed through the node's
 * codec, so only registered types are ever decoded.
 */
final class TaskDetails {

    private static final RecordField[] FIELDS = {
            RecordField.KIND, RecordField.FUNCTION_ID, RecordField.NAME, RecordField.STATE, RecordField.ATTEMPT,
            RecordField.MAX_RETRIES, RecordField.NODE, RecordField.OWNER, RecordField.PARENT, RecordField.ACTOR,
            RecordField.DEPENDENCIES, RecordField.SUBMITTED_AT, RecordField.STARTED_AT, RecordField.ENDED_AT,
            RecordField.SIZE, RecordField.LARGE, RecordField.ERROR, RecordField.LAST_ERROR, RecordField.SPEC,
            RecordField.VALUE, RecordField.MAX_TASK_RETRIES, RecordField.QUEUE, RecordField.ENTRY,
            RecordField.ENTRY_QUEUE};
    private static final int PREVIEW = 300;
    private static final int MAX_LINKS = 100;

    private final JRayNode node;
    private final TaskHistory history;
    private final TaskRecords records;

    TaskDetails(JRayNode node, TaskHistory history) {
        this.node = node;
        this.history = history;
        this.records = node.control().records();
    }

    /** The task's details, or {@code null} when Redis has no record of it. */
    TaskDetail read(ObjectId id) throws Exception {
        TaskRecords.RawRecord f = records.raw(id, FIELDS);
        if (!f.has(RecordField.STATE)) {
            return null;
        }
        RecordKind kind = RecordKind.of(f.text(RecordField.KIND));
        String state = f.text(RecordField.STATE);
        long submitted = f.number(RecordField.SUBMITTED_AT);
        long started = f.number(RecordField.STARTED_AT);
        long ended = f.number(RecordField.ENDED_AT);
        List<TaskDetail.Argument> arguments = new ArrayList<>();
        String argumentsNote = arguments(spec(id, f), arguments);
        String result = "";
        if (kind == RecordKind.PUT) {
            argumentsNote = "A value put by " + f.text(RecordField.OWNER) + ", not a task: it has no arguments.";
        }
        if (RecordState.FINISHED.code().equals(state) && kind != RecordKind.ACTOR) {
            result = "1".equals(f.text(RecordField.LARGE)) ? "a large value of " + ClusterOverview.bytes(f.number(RecordField.SIZE))
                    + ", in the object stores of the nodes holding it"
                    : f.has(RecordField.VALUE) ? preview(f.bytes(RecordField.VALUE))
                    : "freed (" + ClusterOverview.bytes(f.number(RecordField.SIZE)) + "): its owner dropped every ref to it";
        }
        String queue = f.text(RecordField.QUEUE);
        String resources = queue.startsWith("q:") ? queue.substring(2) : "";
        String infeasible = resources.isEmpty() || !(state.equals(RecordState.QUEUED.code()) || state.equals(RecordState.WAITING.code())) ? ""
                : Objects.requireNonNullElse(records.infeasible(id.job() + "|" + resources).get(30, TimeUnit.SECONDS),
                        "");
        int maxRetries = (int) f.number(kind == RecordKind.ACTOR ? RecordField.MAX_TASK_RETRIES : RecordField.MAX_RETRIES);
        Optional<TaskHistory.Entry> entry = history.entry(id);
        TaskLogView log = TaskLogView.of(TaskLog.decode(f.log()));
        return new TaskDetail(id.toString(), kindName(kind, f.has(RecordField.ACTOR)),
                records.function(id.job(), f.text(RecordField.FUNCTION_ID)), f.text(RecordField.NAME), state, TaskStates.name(state), resources, infeasible,
                (int) f.number(RecordField.ATTEMPT), maxRetries + 1,
                f.text(RecordField.NODE), f.text(RecordField.OWNER), sameJob(id, f.text(RecordField.PARENT)), sameJob(id, f.text(RecordField.ACTOR)), Times.at(submitted),
                Times.at(started), Times.at(ended), Times.between(submitted, started), Times.between(started, ended),
                arguments, argumentsNote, dependencies(id, f.text(RecordField.DEPENDENCIES)), links(entry.map(TaskHistory.Entry::dependents)
                        .orElse(List.of())), result, failure(f.bytes(RecordField.ERROR)), failure(f.bytes(RecordField.LAST_ERROR)),
                Attempts.of(entry.map(TaskHistory.Entry::timeline).orElse(List.of())), log);
    }

    /** What the task printed and logged, every attempt's, as far as Redis still keeps it. */
    TaskLogView log(ObjectId id) throws Exception {
        return TaskLogView.of(TaskLog.decode(records.log(id)));
    }

    private static String kindName(RecordKind kind, boolean call) {
        if (kind == RecordKind.ACTOR) {
            return "actor creation";
        }
        return kind == RecordKind.PUT ? "put value" : call ? "actor call" : "task";
    }

    // why: a spec is stored once: in the queue entry while queued or running, in the record while waiting
    private byte[] spec(ObjectId id, TaskRecords.RawRecord f) throws Exception {
        if (f.has(RecordField.SPEC) || !f.has(RecordField.ENTRY)) {
            return f.bytes(RecordField.SPEC);
        }
        String queue = f.has(RecordField.ENTRY_QUEUE) ? f.text(RecordField.ENTRY_QUEUE) : f.text(RecordField.QUEUE);
        return records.queuedSpec(id, queue, f.text(RecordField.ENTRY));
    }

    private String arguments(byte[] spec, List<TaskDetail.Argument> out) {
        if (spec == null) {
            return "Its arguments went with its queue entry when it settled (jray keeps a task's spec once, while it waits or runs).";
        }
        TaskSpec decoded;
        try {
            decoded = TaskSpec.decode(spec);
        }
        catch (RuntimeException e) {
            return "Its spec could not be read: " + e.getMessage();
        }
        int position = 1;
        for (TaskArg arg : decoded.args()) {
            if (arg instanceof TaskArg.Ref ref) {
                out.add(new TaskDetail.Argument(position, ref.id().toString(), "owned by " + ref.owner()));
            }
            else if (arg instanceof TaskArg.Value value) {
                out.add(new TaskDetail.Argument(position, "", preview(value.bytes())));
            }
            position++;
        }
        return out.isEmpty() ? "It takes no arguments." : "";
    }

    private List<TaskDetail.Link> dependencies(ObjectId id, String deps) throws Exception {
        if (deps.isBlank()) {
            return List.of();
        }
        List<ObjectId> ids = new ArrayList<>();
        for (String dep : deps.split(" ")) {
            if (ids.size() < MAX_LINKS) {
                ids.add(new ObjectId(id.job(), dep));
            }
        }
        return links(ids);
    }

    private List<TaskDetail.Link> links(List<ObjectId> ids) throws Exception {
        List<CompletableFuture<String>> states = ids.stream().map(records::state).toList();
        List<TaskDetail.Link> out = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            String st = states.get(k).get(30, TimeUnit.SECONDS);
            out.add(new TaskDetail.Link(ids.get(k).toString(), st == null ? "gone" : TaskStates.name(st)));
        }
        return out;
    }

    private String preview(byte[] bytes) {
        try {
            Object value = node.codec().decode(bytes);
            String text = value != null && value.getClass().isArray() ? arrayText(value) : String.valueOf(value);
            return text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text;
        }
        catch (RuntimeException e) {
            return "(" + ClusterOverview.bytes(bytes.length) + ", not shown: " + e.getMessage() + ")";
        }
    }

    private static String arrayText(Object array) {
        int n = Array.getLength(array);
        StringBuilder out = new StringBuilder(array.getClass().getComponentType().getSimpleName() + "[" + n + "] [");
        for (int k = 0; k < n && out.length() < PREVIEW; k++) {
            out.append(k == 0 ? "" : ", ").append(Array.get(array, k));
        }
        return out.append(out.length() >= PREVIEW ? ", …]" : "]").toString();
    }

    private static TaskDetail.Failure failure(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            RemoteError error = RemoteError.decode(bytes);
            return new TaskDetail.Failure(error.type(), error.message(), error.stackTraceText());
        }
        catch (RuntimeException e) {
            return new TaskDetail.Failure("unreadable error", e.getMessage(), "");
        }
    }

    private static String sameJob(ObjectId id, String other) {
        return other.isEmpty() ? "" : other.contains("/") ? other : id.job() + "/" + other;
    }

}
