package io.jray.runtime.task;

import java.util.Objects;
import java.util.Optional;

import io.jray.api.ActorCall;
import io.jray.api.ActorHandle;
import io.jray.api.ObjectRef;
import io.jray.api.function.RemoteCallable;
import io.jray.runtime.core.ObjectId;

/**
 * jray's {@link ActorHandle}: the actor's id, class and name, bound to the local runtime that sends
 * its calls.
 *
 * @param <A> the actor's class
 */
public final class DefaultActorHandle<A> implements ActorHandle<A> {

    private final ObjectId actorId;
    private final Class<A> actorClass;
    private final String name;
    private final ActorClient client;

    DefaultActorHandle(ObjectId actorId, Class<A> actorClass, String name, ActorClient client) {
        this.actorId = Objects.requireNonNull(actorId, "actorId");
        this.actorClass = Objects.requireNonNull(actorClass, "actorClass");
        this.name = name;
        this.client = client;
    }

    public ObjectId actorId() {
        return actorId;
    }

    @Override
    public String id() {
        return actorId.toString();
    }

    @Override
    public Class<A> actorClass() {
        return actorClass;
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public <R> ActorCall<R> newActorCall(RemoteCallable method, Object... args) {
        Object[] copy = args == null ? new Object[] {null} : args.clone();
        return new ActorCall<>() {
            @Override
            public ObjectRef<R> remote() {
                return client.call(DefaultActorHandle.this, method, copy);
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DefaultActorHandle<?> other && actorId.equals(other.actorId);
    }

    @Override
    public int hashCode() {
        return actorId.hashCode();
    }

    @Override
    public String toString() {
        return "ActorHandle(" + actorClass.getSimpleName() + " " + actorId + (name == null ? "" : ", " + name) + ")";
    }
}
