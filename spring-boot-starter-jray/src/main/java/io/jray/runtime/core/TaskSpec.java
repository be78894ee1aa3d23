package io.jray.runtime.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jray.runtime.core.Resources;
import io.jray.runtime.serialization.BinaryReader;
import io.jray.runtime.serialization.BinaryWriter;

/**
 * Everything a node needs to run a task: which function, its arguments (inline values or object
 * references) and how to run it. No code and no class bytes: the function is named, and only
 * nodes whose application has it can run it.
 *
 * @param taskId the task, which is also the id of its result
 * @param function the {@linkplain io.jray.runtime.function.FunctionId function id}
 * @param args the arguments
 * @param demand the resources the task holds while it runs
 * @param maxRetries re-runs allowed after node deaths (and retried exceptions)
 * @param retryExceptions whether exceptions are retried
 * @param retryOn exception class names retried (empty: all, when retrying)
 * @param name a display name, or {@code null}
 * @param timeoutMillis how long the task may run, 0 for no limit
 * @param owner the node that submitted it and is notified of its result
 * @param parent the task that submitted it, or {@code null}
 * @param kind a task, the creation of an actor, or a call of an actor's method
 * @param actor the actor created or called, or {@code null} for a task
 * @param concurrency for an actor's creation, how many of its calls may run at once
 * @param trace the headers that carry the submitter's trace (see {@link io.jray.runtime.core.TaskObservations}), often none
 */
public record TaskSpec(ObjectId taskId, String function, List<TaskArg> args, Resources demand, int maxRetries,
        boolean retryExceptions, List<String> retryOn, String name, long timeoutMillis, String owner, String parent,
        Kind kind, ObjectId actor, int concurrency, Map<String, String> trace) {

    private static final int VERSION = 3;

    /** What a spec asks for. */
    public enum Kind {
        TASK, ACTOR_CREATION, ACTOR_CALL
    }

    public TaskSpec {
        args = List.copyOf(args);
        retryOn = List.copyOf(retryOn);
        trace = trace == null ? Map.of() : Map.copyOf(trace);
    }

    /** A spec without trace headers. */
    public TaskSpec(ObjectId taskId, String function, List<TaskArg> args, Resources demand, int maxRetries,
            boolean retryExceptions, List<String> retryOn, String name, long timeoutMillis, String owner, String parent,
            Kind kind, ObjectId actor, int concurrency) {
        this(taskId, function, args, demand, maxRetries, retryExceptions, retryOn, name, timeoutMillis, owner, parent,
                kind, actor, concurrency, Map.of());
    }

    /** A plain task. */
    public TaskSpec(ObjectId taskId, String function, List<TaskArg> args, Resources demand, int maxRetries,
            boolean retryExceptions, List<String> retryOn, String name, long timeoutMillis, String owner,
            String parent) {
        this(taskId, function, args, demand, maxRetries, retryExceptions, retryOn, name, timeoutMillis, owner, parent,
                Kind.TASK, null, 1, Map.of());
    }

    /** The references among the arguments that belong to this task's job: its DAG dependencies. */
    public List<ObjectId> dependencies() {
        List<ObjectId> deps = new ArrayList<>();
        for (TaskArg arg : args) {
            if (arg instanceof TaskArg.Ref ref && ref.id().job().equals(taskId.job()) && !deps.contains(ref.id())) {
                deps.add(ref.id());
            }
        }
        return deps;
    }

    public byte[] encode() {
        int size = 128;
        for (TaskArg arg : args) {
            size += arg instanceof TaskArg.Value v ? v.bytes().length + 5 : 48;
        }
        BinaryWriter w = new BinaryWriter(size);
        w.writeByte(VERSION).writeString(taskId.job()).writeString(taskId.id()).writeString(function);
        w.writeVarLong(args.size());
        for (TaskArg arg : args) {
            switch (arg) {
                case TaskArg.Value v -> w.writeByte(0).writeBlob(v.bytes());
                case TaskArg.Ref r -> w.writeByte(1).writeString(r.id().job()).writeString(r.id().id())
                        .writeString(r.owner());
            }
        }
        w.writeVarLong(demand.amounts().size());
        demand.amounts().forEach((k, v) -> w.writeString(k).writeDouble(v));
        w.writeVarLong(maxRetries).writeByte(retryExceptions ? 1 : 0).writeVarLong(retryOn.size());
        retryOn.forEach(w::writeString);
        w.writeString(name).writeVarLong(timeoutMillis).writeString(owner).writeString(parent).writeByte(kind.ordinal());
        w.writeString(actor == null ? null : actor.job()).writeString(actor == null ? null : actor.id());
        w.writeVarLong(concurrency).writeVarLong(trace.size());
        trace.forEach((key, value) -> w.writeString(key).writeString(value));
        return w.toByteArray();
    }

    /** Decodes a spec; malformed bytes fail with {@link IllegalArgumentException}. */
    public static TaskSpec decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        int version = r.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("task spec of unknown version " + version + " (this node reads "
                    + VERSION + "): are all nodes on the same jray version?");
        }
        ObjectId id = new ObjectId(r.readString(), r.readString());
        String function = r.readString();
        int argc = r.readCount(2);
        List<TaskArg> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            int kind = r.readByte();
            args.add(switch (kind) {
                case 0 -> new TaskArg.Value(r.readBlob());
                case 1 -> new TaskArg.Ref(new ObjectId(r.readString(), r.readString()), r.readString());
                default -> throw new IllegalArgumentException("unknown argument kind " + kind);
            });
        }
        int resources = r.readCount(9);
        Map<String, Double> demand = new LinkedHashMap<>();
        for (int i = 0; i < resources; i++) {
            demand.put(r.readString(), r.readDouble());
        }
        int maxRetries = r.readVarInt();
        boolean retryExceptions = r.readByte() == 1;
        int retryOnCount = r.readCount(1);
        List<String> retryOn = new ArrayList<>(retryOnCount);
        for (int i = 0; i < retryOnCount; i++) {
            retryOn.add(r.readString());
        }
        String name = r.readString();
        long timeoutMillis = r.readVarLong();
        String owner = r.readString();
        String parent = r.readString();
        int kind = r.readByte();
        if (kind >= Kind.values().length) {
            throw new IllegalArgumentException("unknown task spec kind " + kind);
        }
        String actorJob = r.readString();
        String actorId = r.readString();
        ObjectId actor = actorJob == null || actorId == null ? null : new ObjectId(actorJob, actorId);
        int concurrency = r.readVarInt();
        int headers = r.readCount(2);
        Map<String, String> trace = new LinkedHashMap<>();
        for (int i = 0; i < headers; i++) {
            trace.put(r.readString(), r.readString());
        }
        return new TaskSpec(id, function, args, Resources.of(demand), maxRetries, retryExceptions, retryOn, name,
                timeoutMillis, owner, parent, Kind.values()[kind], actor, concurrency, trace);
    }
}
