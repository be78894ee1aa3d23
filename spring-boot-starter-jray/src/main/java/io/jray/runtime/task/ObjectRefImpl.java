package io.jray.runtime.task;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.jray.api.ObjectRef;
import io.jray.runtime.control.ObjectState;
import io.jray.runtime.core.ObjectId;

/**
 * jray's {@link ObjectRef}: an object id, the node that owns it, and, once known, its state and
 * decoded value (fetched once, then shared by later calls on this instance).
 *
 * @param <T> the value type
 */
public final class ObjectRefImpl<T> implements ObjectRef<T> {

    private final ObjectId objectId;
    private final String owner;
    private final String description;
    private final ObjectResolver resolver;
    volatile CompletableFuture<ObjectState> state;
    private volatile boolean hasValue;
    private volatile T value;

    ObjectRefImpl(ObjectId objectId, String owner, String description, ObjectResolver resolver) {
        this.objectId = objectId;
        this.owner = owner;
        this.description = description;
        this.resolver = resolver;
    }

    public ObjectId objectId() {
        return objectId;
    }

    public String owner() {
        return owner;
    }

    /** What made the object, such as {@code Tutorial#add(int,int)}, or {@code null} when unknown here. */
    public String description() {
        return description;
    }

    @Override
    public String id() {
        return objectId.toString();
    }

    @Override
    public T get() {
        return resolver.get(this, null);
    }

    @Override
    public T get(Duration timeout) {
        return resolver.get(this, timeout);
    }

    @Override
    public boolean isReady() {
        CompletableFuture<ObjectState> s = state;
        return hasValue || (s != null && s.isDone());
    }

    @Override
    public CompletableFuture<T> toFuture() {
        return resolver.toFuture(this);
    }

    boolean hasValue() {
        return hasValue;
    }

    T value() {
        return value;
    }

    void cache(T decoded) {
        value = decoded;
        hasValue = true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectRefImpl<?> other && objectId.equals(other.objectId);
    }

    @Override
    public int hashCode() {
        return objectId.hashCode();
    }

    @Override
    public String toString() {
        return "ObjectRef(" + objectId + (description == null ? "" : ", " + description) + ")";
    }
}
