package io.jray.runtime.worker;

/**
 * How many queue entries to read at once. While recent tasks are short, reading only as many as
 * fit would spend a round trip per task, so up to {@code maxPrefetch} are read ahead; while they
 * are long (or unknown), only as many as can start, so other nodes get the rest.
 */
final class PrefetchPolicy {

    private static final double ALPHA = 0.2;

    private final long shortTaskNanos;
    private final int maxPrefetch;
    private volatile double averageNanos = -1;

    PrefetchPolicy(long shortTaskNanos, int maxPrefetch) {
        this.shortTaskNanos = shortTaskNanos;
        this.maxPrefetch = maxPrefetch;
    }

    /** Records a task's run time (an exponential moving average is kept). */
    void record(long nanos) {
        double avg = averageNanos;
        averageNanos = avg < 0 ? nanos : avg + ALPHA * (nanos - avg);
    }

    /**
     * @param fitNow how many more tasks fit in the free resources
     * @param queuedHere how many read tasks wait here to start
     */
    int readCount(int fitNow, int queuedHere) {
        return Math.max(0, (readsAhead() ? maxPrefetch : fitNow) - queuedHere);
    }

    /** Whether recent tasks are short enough to read ahead. */
    boolean readsAhead() {
        double avg = averageNanos;
        return avg >= 0 && avg < shortTaskNanos;
    }
}
