package io.jray.runtime.core;

/** One argument of a task as it travels: a serialized value, or a reference to an object. */
public sealed interface TaskArg {

    /** A value serialized inline in the task spec. */
    record Value(byte[] bytes) implements TaskArg {
    }

    /**
     * A reference whose value the task receives in place of the reference.
     *
     * @param id the object
     * @param owner the node that owns it
     */
    record Ref(ObjectId id, String owner) implements TaskArg {
    }
}
