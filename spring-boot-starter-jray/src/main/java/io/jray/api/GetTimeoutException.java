package io.jray.api;

/** Thrown by {@code get(ref, timeout)} when the value is not ready in time; the task goes on. */
public class GetTimeoutException extends JRayException {

    public GetTimeoutException(String message) {
        super(message);
    }
}
