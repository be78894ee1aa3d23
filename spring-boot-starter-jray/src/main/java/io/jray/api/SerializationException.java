package io.jray.api;

/**
 * A value cannot be serialized or deserialized: its type is not registered (deserialization is
 * restricted to registered types), or it is of a kind that cannot travel (threads, sockets, ...).
 * The message names the type at fault and how to register it.
 */
public class SerializationException extends JRayException {

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
