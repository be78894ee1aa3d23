package io.jray.api;

/**
 * A call of an actor's method about to be sent: call {@link #remote()}.
 *
 * @param <R> the result type
 */
public interface ActorCall<R> {

    /**
     * Sends the call and returns at once. Its {@code get()} throws {@link ActorDiedException} when
     * the actor was killed or died, and {@link ActorCreationException} when it could not be created.
     *
     * @throws SerializationException when an argument cannot be serialized (naming its type)
     */
    ObjectRef<R> remote();
}
