package io.jray.api;

/**
 * Registers types for serialization. Only registered types (and the JDK's common value types) can
 * be task arguments, results or {@code put} values: deserialization is restricted to them.
 * Registering a class also registers the types of its fields.
 */
public interface TypeRegistrar {

    /** Registers the given types. */
    TypeRegistrar register(Class<?>... types);
}
