package io.jray.bench;

import java.util.Locale;

/** The memory suite's section of the report: how it measures, and what Redis keeps per finished task. */
final class MemoryReport {

    private MemoryReport() {
    }

    static String section(String header, MemoryResult m) {
        String method = String.format(Locale.ROOT, "- Memory (jray only), on a cluster of its own: %s. After one warm-up "
                + "round, %,d empty tasks (`BenchTasks.noop`) in waves of %,d (submitted without waiting, then all "
                + "awaited, then the refs dropped); then the driver collects its garbage (dropped refs free their "
                + "values) until Redis's `used_memory` stops shrinking (three readings a second apart within 0.2 %%). "
                + "Retained per finished task = (`used_memory` after - before) / tasks: what Redis keeps of a task "
                + "while its job's records are retained (`jray.job.retention`, 1 h by default); keys likewise by "
                + "`DBSIZE`; a record's own size is the mean `MEMORY USAGE` (and `HLEN`) of up to 1,000 task "
                + "records found by `SCAN`.%n%n", m.setup(), m.tasks(), m.wave());
        String table = String.format(Locale.ROOT, "| | jray |%n|---|---:|%n"
                + "| tasks | %,d |%n"
                + "| fill (s) / settle (s) | %.1f / %.1f |%n"
                + "| Redis `used_memory` before / after (bytes) | %,d / %,d |%n"
                + "| **retained per finished task (bytes)** | **%,.0f** |%n"
                + "| keys before / after | %,d / %,d |%n"
                + "| keys per finished task | %.2f |%n"
                + "| a task record's `MEMORY USAGE`, mean of %,d (bytes) | %,.0f |%n"
                + "| a task record's fields, mean | %.1f |%n",
                m.tasks(), m.fillNanos() / 1e9, m.settleNanos() / 1e9, m.memoryBefore(), m.memoryAfter(),
                m.bytesPerTask(), m.keysBefore(), m.keysAfter(), m.keysPerTask(), m.sampled(), m.recordBytes(),
                m.recordFields());
        String target = Format.target("retained per finished task <= 300 bytes (issue 15)",
                String.format(Locale.ROOT, "%,.0f bytes", m.bytesPerTask()), m.bytesPerTask() <= 300);
        return header + method + table + "\nTargets of the issue\n\n| target | measured | |\n|---|---:|---|\n" + target;
    }
}
