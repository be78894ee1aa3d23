package io.jray.runtime.serialization;

import java.lang.foreign.MemorySegment;
import java.util.Collection;

import io.jray.api.SerializationException;

/**
 * Turns task arguments, results and {@code put} values into bytes and back. Only registered types
 * can be read: data from Redis never reaches Java's native serialization.
 */
public interface ValueCodec {

    /**
     * Encodes a value.
     *
     * @throws SerializationException naming the type at fault when the value cannot be encoded
     */
    byte[] encode(Object value);

    /**
     * Decodes a value.
     *
     * @throws SerializationException when the bytes name an unregistered type or are malformed
     */
    Object decode(byte[] bytes);

    /**
     * Decodes a value straight from memory (such as a mapped file), without copying it into an
     * array first; the value does not refer to the memory afterwards.
     *
     * @throws SerializationException as {@link #decode(byte[])}
     */
    Object decode(MemorySegment memory);

    /** The user types registered, by class name. */
    Collection<String> registeredTypes();

    /** A codec on Apache Fory that requires class registration, with the given types registered. */
    static ValueCodec fory(Collection<Class<?>> types, Collection<? extends CustomType<?>> customTypes) {
        return new ForyValueCodec(types, customTypes);
    }
}
