package io.jray.dashboard;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.jray.runtime.JRayNode;
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

    private static final String[] FIELDS = {"k", "fn", "nm", "st", "a", "mr", "n", "ow", "pa", "ac", "d", "ts", "tr",
            "te", "sz", "lg", "er", "le", "sp", "v", "mtr", "q"};
    private static final int PREVIEW = 300;
    private static final int MAX_LINKS = 100;

    private final JRayNode node;
    private final TaskHistory history;
    private final TaskRecords records;

    TaskDetails(JRayNode node, TaskHistory history) {
        this.node = node;
        this.history = history;
        this.records = new TaskRecords(node.control());
    }

    /** The task's details, or {@code null} when Redis has no record of it. */
    TaskDetail read(ObjectId id) throws Exception {
        TaskRecords.RawRecord raw = records.raw(id, FIELDS);
        Map<String, byte[]> f = raw.fields();
        if (!f.containsKey("st")) {
            return null;
        }
        String kind = text(f, "k");
        String state = text(f, "st");
        long submitted = number(f, "ts");
        long started = number(f, "tr");
        long ended = number(f, "te");
        List<TaskDetail.Argument> arguments = new ArrayList<>();
        String argumentsNote = arguments(f.get("sp"), arguments);
        String result = "";
        if ("p".equals(kind)) {
            argumentsNote = "A value put by " + text(f, "ow") + ", not a task: it has no arguments.";
        }
        if ("F".equals(state) && !"a".equals(kind)) {
            result = "1".equals(text(f, "lg")) ? "a large value of " + ClusterOverview.bytes(number(f, "sz"))
                    + ", in the object stores of the nodes holding it"
                    : f.containsKey("v") ? preview(f.get("v"))
                    : "freed (" + ClusterOverview.bytes(number(f, "sz")) + "): its owner dropped every ref to it";
        }
        String queue = text(f, "q");
        String resources = queue.startsWith("q:") ? queue.substring(2) : "";
        String infeasible = resources.isEmpty() || !(state.equals("Q") || state.equals("W")) ? ""
                : Objects.requireNonNullElse(records.infeasible(id.job() + "|" + resources).get(30, TimeUnit.SECONDS),
                        "");
        int maxRetries = (int) number(f, "a".equals(kind) ? "mtr" : "mr");
        Optional<TaskHistory.Entry> entry = history.entry(id);
        TaskLogView log = TaskLogView.of(TaskLog.decode(raw.log()));
        return new TaskDetail(id.toString(), kindName(kind, f.containsKey("ac")),
                text(f, "fn"), text(f, "nm"), state, TaskStates.name(state), resources, infeasible,
                (int) number(f, "a"), maxRetries + 1,
                text(f, "n"), text(f, "ow"), sameJob(id, text(f, "pa")), sameJob(id, text(f, "ac")), Times.at(submitted),
                Times.at(started), Times.at(ended), Times.between(submitted, started), Times.between(started, ended),
                arguments, argumentsNote, dependencies(id, text(f, "d")), links(entry.map(TaskHistory.Entry::dependents)
                        .orElse(List.of())), result, failure(f.get("er")), failure(f.get("le")),
                Attempts.of(entry.map(TaskHistory.Entry::timeline).orElse(List.of())), log);
    }

    /** What the task printed and logged, every attempt's, as far as Redis still keeps it. */
    TaskLogView log(ObjectId id) throws Exception {
        return TaskLogView.of(TaskLog.decode(records.log(id)));
    }

    private static String kindName(String kind, boolean call) {
        return switch (kind) {
            case "a" -> "actor creation";
            case "p" -> "put value";
            default -> call ? "actor call" : "task";
        };
    }

    private String arguments(byte[] spec, List<TaskDetail.Argument> out) {
        if (spec == null) {
            return "Its arguments were dropped when it settled and its result was freed, or its job ended.";
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

    private static String text(Map<String, byte[]> f, String field) {
        byte[] b = f.get(field);
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    private static long number(Map<String, byte[]> f, String field) {
        String s = text(f, field);
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }
}
