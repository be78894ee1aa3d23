package io.jray.api;

/** The base of every exception jray throws. */
public class JRayException extends RuntimeException {

    public JRayException(String message) {
        super(message);
    }

    public JRayException(String message, Throwable cause) {
        super(message, cause);
    }
}
