package io.jray.runtime.control;

import java.util.List;

import io.jray.runtime.core.ObjectId;

/** One entry of a submission batch: a task, or a value put into the cluster. */
public sealed interface SubmitRecord {

    ObjectId id();

    /** Bytes this record adds to a script call, to keep calls bounded. */
    int weight();

    /**
     * A value stored at once, ready for tasks that take it.
     *
     * @param id the object
     * @param value the encoded value
     */
    record Put(ObjectId id, byte[] value) implements SubmitRecord {
        @Override
        public int weight() {
            return value.length + 64;
        }
    }

    /**
     * A large value put into this node's object store, ready at once; Redis records where it is.
     *
     * @param id the object
     * @param size its size in the store
     * @param released whether no ref to it exists (an argument stored apart): the tasks taking it
     *        hold it, and it is freed after the last of them
     */
    record LargePut(ObjectId id, long size, boolean released) implements SubmitRecord {
        @Override
        public int weight() {
            return 64;
        }
    }

    /**
     * A task, queued when its dependencies are settled.
     *
     * @param id the task (and result) id
     * @param shape the queue shape of its resource demand
     * @param newShape whether this node has not used the shape in the job before
     * @param function the function id
     * @param name its display name, or {@code null}
     * @param parent the task that submitted it, or {@code null}
     * @param maxRetries its retries after node deaths
     * @param spec the encoded {@link io.jray.runtime.core.TaskSpec}
     * @param dependencies the objects of the same job it waits for
     */
    record Task(ObjectId id, String shape, boolean newShape, String function, String name, String parent,
            int maxRetries, byte[] spec, List<ObjectId> dependencies) implements SubmitRecord {

        public Task {
            dependencies = List.copyOf(dependencies);
        }

        @Override
        public int weight() {
            return spec.length * 2 + 128 + dependencies.size() * 16;
        }
    }

    /**
     * The creation of an actor: a task that makes the actor live on the node that runs it.
     *
     * @param id the actor
     * @param shape the queue shape of the resources it holds while it lives
     * @param newShape whether this node has not used the shape in the job before
     * @param actorClass the actor's class name
     * @param name its cluster-wide name, or {@code null}
     * @param maxRestarts how often it is created anew after its node died
     * @param maxTaskRetries how often a call running when its node died is sent again
     * @param lifetime OWNED or DETACHED
     * @param spec the encoded creation spec
     */
    record ActorCreation(ObjectId id, String shape, boolean newShape, String actorClass, String name, int maxRestarts,
            int maxTaskRetries, String lifetime, byte[] spec) implements SubmitRecord {
        @Override
        public int weight() {
            return spec.length * 2 + 160;
        }
    }

    /**
     * A call of an actor's method, sent to the actor's call stream at once.
     *
     * @param id the call (and result) id, in the actor's job
     * @param actor the actor
     * @param function the method's function id
     * @param name a display name, or {@code null}
     * @param parent the task that made the call, or {@code null}
     * @param spec the encoded call spec
     * @param dependencies the objects its arguments refer to (recorded for the DAG)
     */
    record ActorCall(ObjectId id, ObjectId actor, String function, String name, String parent, byte[] spec,
            List<ObjectId> dependencies) implements SubmitRecord {

        public ActorCall {
            dependencies = List.copyOf(dependencies);
        }

        @Override
        public int weight() {
            return spec.length * 2 + 128 + dependencies.size() * 16;
        }
    }
}
