package io.jray.api;

import java.util.Optional;

/**
 * A reference to an actor. Calls made through it run on the actor's node, one at a time in the
 * order this caller sent them (or up to {@code maxConcurrency} at once). Handles are serializable:
 * pass them to tasks and actor methods, return them, or {@code put} them; every copy reaches the
 * same actor.
 *
 * <pre>{@code
 * ActorHandle<Counter> counter = jray.actor(Counter.class).remote();
 * ObjectRef<Integer> n = counter.task(Counter::increment).remote();
 * jray.task(Producers::produce, counter, 7).remote();   // the task calls the same counter
 * }</pre>
 *
 * @param <A> the actor's class
 */
public interface ActorHandle<A> extends ActorOverloads<A> {

    /** The cluster-wide id of the actor, of the form {@code job/actor}. */
    String id();

    /** The actor's class. */
    Class<A> actorClass();

    /** The actor's name, when it has one. */
    Optional<String> name();
}
