package io.jray.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The overview's chart: tasks finished and failed in each 10 s of the last ten minutes, as bars
 * of an SVG drawn on the server (and redrawn by the live script from {@link #counts()}).
 *
 * @param bars the bars, oldest first
 * @param finished tasks finished over the whole chart
 * @param failed tasks failed over the whole chart
 */
record Throughput(List<Bar> bars, long finished, long failed) {

    static final int MINUTES = 10;
    static final int WIDTH = 600;
    static final int HEIGHT = 120;

    /**
     * A bar: finished tasks (stacked over failed ones) in 10 s.
     *
     * @param x its left edge
     * @param finishedY top of the finished part
     * @param finishedHeight height of the finished part
     * @param failedY top of the failed part
     * @param failedHeight height of the failed part
     * @param title what it counts, for a tooltip
     */
    record Bar(int x, int finishedY, int finishedHeight, int failedY, int failedHeight, String title) {
    }

    static Throughput of(Map<Long, long[]> buckets) {
        long max = 1;
        long finished = 0;
        long failed = 0;
        for (long[] counts : buckets.values()) {
            max = Math.max(max, counts[0] + counts[1]);
            finished += counts[0];
            failed += counts[1];
        }
        int width = WIDTH / Math.max(1, buckets.size());
        List<Bar> bars = new ArrayList<>();
        int x = 0;
        for (Map.Entry<Long, long[]> bucket : buckets.entrySet()) {
            long[] c = bucket.getValue();
            int failedHeight = (int) (c[1] * HEIGHT / max);
            int finishedHeight = (int) (c[0] * HEIGHT / max);
            bars.add(new Bar(x, HEIGHT - failedHeight - finishedHeight, finishedHeight, HEIGHT - failedHeight,
                    failedHeight, Times.at(bucket.getKey()) + ": " + c[0] + " finished, " + c[1] + " failed"));
            x += width;
        }
        return new Throughput(bars, finished, failed);
    }

    /** The counts of each bar, {finished, failed}, for the live script. */
    static List<long[]> counts(Map<Long, long[]> buckets) {
        return List.copyOf(buckets.values());
    }
}
