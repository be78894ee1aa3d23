package io.jray.api;

import java.util.Objects;

/**
 * An exception thrown by user code on another node, as it arrived here: its original type name,
 * message and stack trace (frames of the remote JVM), and its cause chain. The original exception
 * class is never instantiated locally.
 */
public class RemoteTaskException extends JRayException {

    private final String remoteType;
    private final String remoteMessage;

    public RemoteTaskException(String remoteType, String remoteMessage, StackTraceElement[] stackTrace,
            RemoteTaskException cause) {
        super(remoteType + (remoteMessage == null ? "" : ": " + remoteMessage), cause);
        this.remoteType = Objects.requireNonNull(remoteType, "remoteType");
        this.remoteMessage = remoteMessage;
        setStackTrace(stackTrace);
    }

    /** The fully qualified class name of the exception thrown remotely. */
    public String remoteType() {
        return remoteType;
    }

    /** The message of the exception thrown remotely, or {@code null}. */
    public String remoteMessage() {
        return remoteMessage;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
