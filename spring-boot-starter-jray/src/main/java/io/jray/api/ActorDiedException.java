package io.jray.api;

/**
 * Thrown by {@code get()} of an actor call when the actor was killed, or its node died and it is
 * not restarted (or the call was running there and is not retried).
 */
public class ActorDiedException extends JRayException {

    public ActorDiedException(String message) {
        super(message);
    }
}
