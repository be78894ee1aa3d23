package io.jray.api;

/**
 * The value of an object is gone: the job it belonged to ended, or (for {@code put} values, which
 * cannot be recomputed) the only copy was lost.
 */
public class ObjectLostException extends JRayException {

    public ObjectLostException(String message) {
        super(message);
    }
}
