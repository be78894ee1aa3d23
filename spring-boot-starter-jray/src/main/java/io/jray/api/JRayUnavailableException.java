package io.jray.api;

/**
 * Thrown when Redis, the cluster's control plane, could not be reached within the configured bound
 * ({@code jray.redis.unavailable-timeout}). Nothing already accepted by Redis is lost: work goes on
 * once the connection recovers.
 */
public class JRayUnavailableException extends JRayException {

    public JRayUnavailableException(String message) {
        super(message);
    }

    public JRayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
