package io.jray.runtime.logs;

/**
 * A token bucket of log bytes: refilled at a steady rate, holding at most ten seconds of it, so a
 * few verbose tasks pass whole while a node that logs without pause ships the rate on average.
 */
final class LogBudget {

    private static final long BURST_SECONDS = 10;

    private final long perSecond;
    private double tokens;
    private long refilledAt = System.nanoTime();

    LogBudget(long perSecond) {
        this.perSecond = perSecond;
        this.tokens = (double) perSecond * BURST_SECONDS;
    }

    /** Takes {@code bytes} from the bucket; returns false, taking nothing, when it holds fewer. */
    synchronized boolean take(long bytes) {
        long now = System.nanoTime();
        tokens = Math.min((double) perSecond * BURST_SECONDS, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
        if (bytes > tokens) {
            return false;
        }
        tokens -= bytes;
        return true;
    }
}
