package io.jray.api;

/**
 * A task ran longer than its {@linkplain TaskOptions.Builder#timeout timeout} and was interrupted.
 * Reaches the caller as the {@linkplain RemoteTaskException#remoteType() remote type} of a
 * {@link TaskFailedException}.
 */
public class TaskTimeoutException extends JRayException {

    public TaskTimeoutException(String message) {
        super(message);
    }
}
