package io.jray.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.jray.api.function.RemoteCallable;

/**
 * The entry point of jray: submits tasks, puts and gets values, waits for and cancels work. Inject
 * it anywhere in an application that has the starter.
 *
 * <pre>{@code
 * @RemoteTask
 * public class Tutorial {
 *     public int slow(int i) throws InterruptedException { Thread.sleep(1000); return i; }
 *     public int add(int a, int b) { return a + b; }
 * }
 *
 * // four tasks in parallel, about 1 s rather than 4 s
 * List<ObjectRef<Integer>> refs = IntStream.range(0, 4)
 *         .mapToObj(i -> jray.task(Tutorial::slow, i).remote()).toList();
 * List<Integer> values = jray.get(refs);
 *
 * // futures as arguments build a DAG: add waits for both and receives their values
 * ObjectRef<Integer> sum = jray.task(Tutorial::add, refs.get(0), refs.get(1)).remote();
 * }</pre>
 *
 * Each argument of {@code task(...)} may be a value or an {@link ObjectRef} of the parameter's type.
 * Small values travel inline with the task; large ones are stored once and passed by reference.
 */
public interface JRay extends TaskOverloads {

    /**
     * The {@code task(...)} overloads for the methods of one {@link RemoteTask} class. Use it for an
     * overloaded method: its method reference is inexact, and only a fixed class lets the compiler
     * pick the overload by its arity ({@code jray.tasks(Words.class).task(Words::len, "hello", 3)}).
     */
    default <B> TaskFunctions<B> tasks(Class<B> type) {
        JRay jray = this;
        return new TaskFunctions<>() {
            @Override
            public <R> TaskCall<R> newTaskCall(RemoteCallable function, Object... args) {
                return jray.newTaskCall(function, args);
            }
        };
    }

    /** Stores a value in the cluster and returns a reference that any node can resolve. */
    <T> ObjectRef<T> put(T value);

    /** Waits for a value; see {@link ObjectRef#get()}. */
    <T> T get(ObjectRef<T> ref);

    /** Waits at most {@code timeout} for a value; see {@link ObjectRef#get(Duration)}. */
    <T> T get(ObjectRef<T> ref, Duration timeout);

    /** Waits for all values, returned in the order of the refs; the first failure is thrown. */
    <T> List<T> get(List<? extends ObjectRef<? extends T>> refs);

    /** Waits at most {@code timeout} in all for every value. */
    <T> List<T> get(List<? extends ObjectRef<? extends T>> refs, Duration timeout);

    /**
     * Waits until {@code numReady} of the refs are ready or the timeout passes, whichever is first,
     * and splits them into ready and not ready. A failed task counts as ready.
     */
    <T> WaitResult<T> wait(List<? extends ObjectRef<T>> refs, int numReady, Duration timeout);

    /**
     * Cancels the task that makes a value: a task not yet started never runs, a running task is
     * interrupted. Its {@code get()} and those of its dependents then fail.
     *
     * @return whether the task was still pending or running
     */
    boolean cancel(ObjectRef<?> ref);

    /**
     * Prepares an actor of a {@link RemoteActor} class, created with the given constructor
     * arguments on a node that has its resources.
     *
     * <pre>{@code
     * ActorHandle<Counter> counter = jray.actor(Counter.class).name("counter").remote();
     * }</pre>
     */
    <A> ActorCreation<A> actor(Class<A> actorClass, Object... constructorArgs);

    /** The live actor of that name, found from any node, or empty. */
    <A> Optional<ActorHandle<A>> getActor(String name, Class<A> actorClass);

    /**
     * Kills an actor: calls not yet run fail with {@link ActorDiedException}, a running call is
     * interrupted, and later calls fail at once. Killing a dead actor does nothing.
     */
    void kill(ActorHandle<?> actor);
}
