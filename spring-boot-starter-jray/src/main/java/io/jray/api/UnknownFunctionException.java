package io.jray.api;

/**
 * A task named a function that the node running it does not have: no {@link RemoteTask} bean with
 * that method exists in its application (usually version skew between nodes). Reaches the caller as
 * the {@linkplain RemoteTaskException#remoteType() remote type} of a {@link TaskFailedException}.
 */
public class UnknownFunctionException extends JRayException {

    public UnknownFunctionException(String message) {
        super(message);
    }
}
