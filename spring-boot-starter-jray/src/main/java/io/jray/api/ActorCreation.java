package io.jray.api;

/**
 * An actor about to be created: set its name or {@linkplain #options(ActorOptions) options}, then
 * call {@link #remote()}.
 *
 * <pre>{@code
 * ActorHandle<Counter> counter = jray.actor(Counter.class)
 *         .options(ActorOptions.builder().name("counter").maxRestarts(1).build())
 *         .remote();
 * }</pre>
 *
 * @param <A> the actor's class
 */
public interface ActorCreation<A> {

    /** Names the actor, so that any node can find it with {@link JRay#getActor}. */
    ActorCreation<A> name(String name);

    /** Replaces the options of the actor (a name set before is kept unless the options name one). */
    ActorCreation<A> options(ActorOptions options);

    /**
     * Asks the cluster to create the actor and returns its handle at once; calls made before it
     * exists wait for it.
     *
     * @throws IllegalArgumentException when the class is not a {@link RemoteActor} of this
     *         application, or the name is taken by a live actor
     * @throws SerializationException when a constructor argument cannot be serialized
     */
    ActorHandle<A> remote();
}
