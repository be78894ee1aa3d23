package io.jray.api;

/**
 * A value is larger than a node's whole object store ({@code jray.object.store-limit}), so it
 * cannot be put or returned by a task; nothing was stored.
 */
public class ObjectTooLargeException extends JRayException {

    public ObjectTooLargeException(String message) {
        super(message);
    }
}
