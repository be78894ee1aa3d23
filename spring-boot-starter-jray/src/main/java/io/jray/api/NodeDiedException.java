package io.jray.api;

/**
 * A node died while it ran a task and the task has used up its retries. Reaches the caller as the
 * {@linkplain RemoteTaskException#remoteType() remote type} of a {@link TaskFailedException}.
 */
public class NodeDiedException extends JRayException {

    public NodeDiedException(String message) {
        super(message);
    }
}
