package io.jray.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the dashboard writes instants and durations. */
final class Times {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private Times() {
    }

    /** An epoch-ms instant, or an empty string for 0. */
    static String at(long epochMillis) {
        return epochMillis <= 0 ? "" : AT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The time from one instant to another, such as {@code 12 ms} or {@code 3.4 s}; empty when either is 0. */
    static String between(long from, long to) {
        if (from <= 0 || to <= 0) {
            return "";
        }
        long ms = Math.max(0, to - from);
        return ms < 10_000 ? ms + " ms" : ms < 600_000 ? String.format("%.1f s", ms / 1000.0) : (ms / 60_000) + " min";
    }
}
