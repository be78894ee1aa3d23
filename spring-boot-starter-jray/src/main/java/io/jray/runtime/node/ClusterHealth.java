package io.jray.runtime.node;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.jray.api.JRayUnavailableException;

/**
 * Whether Redis answers. The heartbeat reports every round trip; once Redis has not answered for
 * longer than the bound, the node is in an outage: waiting calls fail with
 * {@link JRayUnavailableException} and new submissions are refused until Redis answers again.
 */
public final class ClusterHealth {

    private final Duration bound;
    private final String address;
    private final List<Consumer<JRayUnavailableException>> outageListeners = new CopyOnWriteArrayList<>();
    private volatile long failingSince = -1;
    private volatile long steadySince = System.currentTimeMillis();
    private volatile JRayUnavailableException outage;
    private volatile Throwable lastError;

    public ClusterHealth(Duration bound, String address) {
        this.bound = bound;
        this.address = address;
    }

    public void onSuccess() {
        if (failingSince >= 0) {
            steadySince = System.currentTimeMillis();
        }
        failingSince = -1;
        outage = null;
        lastError = null;
    }

    public void onFailure(Throwable error) {
        lastError = error;
        long now = System.currentTimeMillis();
        if (failingSince < 0) {
            failingSince = now;
        }
        if (outage == null && now - failingSince >= bound.toMillis()) {
            JRayUnavailableException e = new JRayUnavailableException("Redis at " + address + " has not answered for "
                    + (now - failingSince) + " ms (jray.redis.unavailable-timeout=" + bound + "): " + error, error);
            outage = e;
            outageListeners.forEach(listener -> listener.accept(e));
        }
    }

    /** Throws when Redis has been unreachable for longer than the bound. */
    public void checkAvailable() {
        JRayUnavailableException e = outage;
        if (e != null) {
            throw new JRayUnavailableException(e.getMessage(), e.getCause());
        }
    }

    public boolean isAvailable() {
        return outage == null;
    }

    /** Whether the last round trip failed. */
    public boolean isFailing() {
        return failingSince >= 0;
    }

    /**
     * Whether Redis has answered every round trip for at least {@code period}: after an outage, other
     * nodes need that long to beat again before their missing registrations mean anything.
     */
    public boolean steadyFor(Duration period) {
        return failingSince < 0 && System.currentTimeMillis() - steadySince >= period.toMillis();
    }

    public Throwable lastError() {
        return lastError;
    }

    public Duration bound() {
        return bound;
    }

    public String address() {
        return address;
    }

    /** Called once when an outage begins. */
    public void onOutage(Consumer<JRayUnavailableException> listener) {
        outageListeners.add(listener);
    }
}
