package io.jray.runtime.task;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.ClassUtils;

import io.jray.api.ObjectRef;
import io.jray.runtime.control.SubmitRecord;
import io.jray.runtime.core.IdGenerator;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.TaskArg;
import io.jray.runtime.function.RegisteredFunction;
import io.jray.runtime.store.LargeObjects;

/**
 * Decides how each argument travels: an {@link ObjectRef} by reference; a small value inline in
 * the task spec; a value above the inline threshold stored once in this node's object store as an
 * object of its own and passed by reference (see {@link LargeObjects#place}), so specs stay small
 * and a value given to many tasks is stored once.
 */
public final class ArgumentEncoder {

    private final LargeObjects objects;
    private final IdGenerator ids;
    private final String node;
    private final ObjectResolver resolver;

    public ArgumentEncoder(LargeObjects objects, IdGenerator ids, String node, ObjectResolver resolver) {
        this.objects = objects;
        this.ids = ids;
        this.node = node;
        this.resolver = resolver;
    }

    /**
     * Encodes the arguments of a call; values stored on their own are added to {@code puts}, which
     * must be submitted before the task.
     */
    public List<TaskArg> encode(RegisteredFunction function, Object[] args, String job, List<SubmitRecord> puts) {
        Class<?>[] parameters = function.method().getParameterTypes();
        if (args.length != parameters.length) {
            throw new IllegalArgumentException(function.displayName() + " takes " + parameters.length
                    + " argument(s) but was given " + args.length);
        }
        List<TaskArg> encoded = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            boolean wantsRef = ObjectRef.class.isAssignableFrom(parameters[i]);
            if (arg instanceof ObjectRefImpl<?> ref && !wantsRef) {
                // why: a top-level ref is a dependency: the task waits for it and receives its value
                if (!ref.objectId().job().equals(job)) {
                    // why: only dependencies within the task's job are held by it in Redis
                    resolver.pin(ref);
                }
                encoded.add(new TaskArg.Ref(ref.objectId(), ref.owner()));
                continue;
            }
            if (arg instanceof ObjectRef<?> && !(arg instanceof ObjectRefImpl<?>)) {
                throw new IllegalArgumentException("argument " + i + " of " + function.displayName()
                        + " is an ObjectRef that jray did not make: " + arg.getClass().getName());
            }
            if (!ClassUtils.isAssignableValue(parameters[i], arg)) {
                throw new IllegalArgumentException("argument " + i + " of " + function.displayName() + " must be a "
                        + parameters[i].getTypeName() + ", but was "
                        + (arg == null ? "null" : "a " + arg.getClass().getTypeName()));
            }
            encoded.add(encodeValue(arg, "argument " + i + " of " + function.displayName(), job, puts, true));
        }
        return encoded;
    }

    /**
     * Encodes arguments whose parameter types are not known here (an actor's constructor is chosen
     * on its node): references are dependencies, other values are encoded as they are. What they
     * refer to is kept until the job ends, since a restarted actor runs its constructor again.
     */
    public List<TaskArg> encodeUntyped(Object[] args, String what, String job, List<SubmitRecord> puts) {
        List<TaskArg> encoded = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof ObjectRefImpl<?> ref) {
                resolver.pin(ref);
                encoded.add(new TaskArg.Ref(ref.objectId(), ref.owner()));
            }
            else {
                encoded.add(encodeValue(args[i], "argument " + i + " of " + what, job, puts, false));
            }
        }
        return encoded;
    }

    /**
     * Encodes one value: inline when small, else stored here as an object of its own added to
     * {@code puts}, freed after the task taking it when {@code released}.
     */
    private TaskArg encodeValue(Object value, String what, String job, List<SubmitRecord> puts, boolean released) {
        ObjectId[] id = new ObjectId[1];
        return switch (objects.place(() -> id[0] = new ObjectId(job, ids.next()), value, what)) {
            case LargeObjects.Placement.Inline inline -> new TaskArg.Value(inline.bytes());
            case LargeObjects.Placement.Stored stored -> {
                puts.add(new SubmitRecord.LargePut(id[0], stored.size(), released));
                yield new TaskArg.Ref(id[0], node);
            }
        };
    }

    /** Places a value put into the cluster under {@code id}: the record to submit. */
    public SubmitRecord put(ObjectId id, Object value) {
        return switch (objects.place(() -> id, value, "the value put")) {
            case LargeObjects.Placement.Inline inline -> new SubmitRecord.Put(id, inline.bytes());
            case LargeObjects.Placement.Stored stored -> new SubmitRecord.LargePut(id, stored.size(), false);
        };
    }
}
