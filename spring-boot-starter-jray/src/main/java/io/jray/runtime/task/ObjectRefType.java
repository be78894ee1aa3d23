package io.jray.runtime.task;

import io.jray.runtime.core.ObjectId;
import io.jray.runtime.serialization.BinaryReader;
import io.jray.runtime.serialization.BinaryWriter;
import io.jray.runtime.serialization.CustomType;

/**
 * Serializes {@link ObjectRefImpl}s nested inside values as their id and owner; a ref read back is
 * bound to this node's {@link ObjectResolver}. A ref written so is pinned: its copies are not
 * counted, so its object is kept until its job ends.
 */
@SuppressWarnings("rawtypes")
public final class ObjectRefType implements CustomType<ObjectRefImpl> {

    private volatile ObjectResolver resolver;

    void bind(ObjectResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Class<ObjectRefImpl> type() {
        return ObjectRefImpl.class;
    }

    @Override
    public byte[] write(ObjectRefImpl ref) {
        ObjectResolver bound = resolver;
        if (bound != null) {
            bound.pin(ref);
        }
        return new BinaryWriter(48).writeString(ref.objectId().job()).writeString(ref.objectId().id())
                .writeString(ref.owner()).toByteArray();
    }

    @Override
    public ObjectRefImpl read(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        ObjectId id = new ObjectId(r.readString(), r.readString());
        String owner = r.readString();
        ObjectResolver bound = resolver;
        if (bound == null) {
            throw new IllegalStateException("an ObjectRef was read before the node's resolver started");
        }
        return bound.borrowed(id, owner);
    }
}
