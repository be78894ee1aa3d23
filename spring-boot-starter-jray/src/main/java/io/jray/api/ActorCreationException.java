package io.jray.api;

/**
 * Thrown by {@code get()} of every call of an actor that could not be created: its constructor
 * threw (the {@linkplain #getCause() cause} is that exception, as a {@link RemoteTaskException}),
 * or its node has no such actor class.
 */
public class ActorCreationException extends JRayException {

    public ActorCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
