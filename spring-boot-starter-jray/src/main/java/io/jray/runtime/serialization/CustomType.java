package io.jray.runtime.serialization;

/**
 * A type that jray serializes itself inside user values, such as {@code ObjectRef}: written as a
 * small blob in jray's own format, and read back bound to the local runtime.
 *
 * @param <T> the type
 */
public interface CustomType<T> {

    Class<T> type();

    byte[] write(T value);

    T read(byte[] bytes);
}
