package io.jray.runtime.task;

import io.jray.api.SerializationException;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.serialization.BinaryReader;
import io.jray.runtime.serialization.BinaryWriter;
import io.jray.runtime.serialization.CustomType;

/**
 * Serializes {@link DefaultActorHandle}s inside values as the actor's id, class and name; a handle
 * read back sends its calls through this node's runtime. The class must be one of this
 * application's actor classes.
 */
@SuppressWarnings("rawtypes")
public final class ActorHandleType implements CustomType<DefaultActorHandle> {

    private volatile ActorClient client;
    private final ClassLoader classLoader;

    public ActorHandleType(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    void bind(ActorClient client) {
        this.client = client;
    }

    @Override
    public Class<DefaultActorHandle> type() {
        return DefaultActorHandle.class;
    }

    @Override
    public byte[] write(DefaultActorHandle handle) {
        return new BinaryWriter(64).writeString(handle.actorId().job()).writeString(handle.actorId().id())
                .writeString(handle.actorClass().getName()).writeString((String) handle.name().orElse(null))
                .toByteArray();
    }

    @Override
    @SuppressWarnings("unchecked")
    public DefaultActorHandle read(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        ObjectId id = new ObjectId(r.readString(), r.readString());
        String className = r.readString();
        String name = r.readString();
        ActorClient bound = client;
        if (bound == null) {
            throw new IllegalStateException("an ActorHandle was read before the node's runtime started");
        }
        try {
            return bound.handle(id, Class.forName(className, false, classLoader), name);
        }
        catch (ClassNotFoundException e) {
            throw new SerializationException("a handle of actor " + id + " names the class " + className
                    + ", which this application does not have", e);
        }
    }
}
