package io.jray.bench;

import java.util.Locale;

/** The memory suite's section of the report: how it measures, and what Redis keeps per finished task. */
final class MemoryReport {

    private static final int TARGET_BYTES = 300;

    private MemoryReport() {
    }

    static String section(String header, MemoryResult m) {
        String method = String.format(Locale.ROOT, "- Memory (jray only), on a cluster of its own: %s. After one warm-up "
                + "round, two phases on the same cluster, each %,d empty tasks (`BenchTasks.noop`) in waves of %,d "
                + "(submitted without waiting, then all awaited, then the refs dropped), after which the driver "
                + "collects its garbage (dropped refs free their values) until Redis's `used_memory` stops shrinking "
                + "(three readings a second apart within 0.2 %%). First *without a dashboard*; then *while a "
                + "dashboard listens*: the harness sets the key a dashboard's history indexer keeps "
                + "(`<namespace>:ev:on`), waits until the nodes' scripts write the event stream, and runs the "
                + "phase again (no indexer reads the stream; it is capped near 50,000 entries, and the harness deletes it "
                + "before each reading, so the figure per task leaves it out; the table gives what `used_memory` "
                + "lost with it). Retained per finished task = (`used_memory` after - before) / tasks: what Redis keeps of a task once its value is freed, for "
                + "`jray.job.retention` (1 h by default); keys likewise by `DBSIZE`; a record's own size is the "
                + "mean `MEMORY USAGE` (and `HLEN`) of up to 1,000 task records found by `SCAN`.%n%n",
                m.setup(), m.tasks(), m.wave());
        MemoryResult.Phase q = m.quiet();
        MemoryResult.Phase l = m.listened();
        String table = String.format(Locale.ROOT, "| | without a dashboard | while a dashboard listens |%n|---|---:|---:|%n"
                + "| tasks | %,d | %,d |%n"
                + "| fill (s) / settle (s) | %.1f / %.1f | %.1f / %.1f |%n"
                + "| Redis `used_memory` before / after (bytes) | %,d / %,d | %,d / %,d |%n"
                + "| event stream before / after: `used_memory` it held (bytes) | %,d / %,d | %,d / %,d |%n"
                + "| **retained per finished task (bytes)** | **%,.0f** | **%,.0f** |%n"
                + "| keys before / after | %,d / %,d | %,d / %,d |%n"
                + "| keys per finished task | %.2f | %.2f |%n"
                + "| task records sampled | %,d | %,d |%n"
                + "| a task record's `MEMORY USAGE`, mean (bytes) | %,.0f | %,.0f |%n"
                + "| a task record's fields, mean | %.1f | %.1f |%n",
                m.tasks(), m.tasks(), q.fillNanos() / 1e9, q.settleNanos() / 1e9, l.fillNanos() / 1e9,
                l.settleNanos() / 1e9, q.memoryBefore(), q.memoryAfter(), l.memoryBefore(), l.memoryAfter(),
                q.eventsBefore(), q.eventsAfter(), l.eventsBefore(), l.eventsAfter(), q.bytesPerTask(m.tasks()),
                l.bytesPerTask(m.tasks()), q.keysBefore(), q.keysAfter(), l.keysBefore(), l.keysAfter(),
                q.keysPerTask(m.tasks()), l.keysPerTask(m.tasks()), q.sampled(), l.sampled(), q.recordBytes(),
                l.recordBytes(), q.recordFields(), l.recordFields());
        String target = Format.target("retained per finished task <= " + TARGET_BYTES + " bytes, without a dashboard (issue 15)",
                String.format(Locale.ROOT, "%,.0f bytes", q.bytesPerTask(m.tasks())), q.bytesPerTask(m.tasks()) <= TARGET_BYTES)
                + Format.target("retained per finished task <= " + TARGET_BYTES + " bytes, while a dashboard listens (issue 15)",
                String.format(Locale.ROOT, "%,.0f bytes", l.bytesPerTask(m.tasks())), l.bytesPerTask(m.tasks()) <= TARGET_BYTES);
        return header + method + table + "\nTargets of the issue\n\n| target | measured | |\n|---|---:|---|\n" + target;
    }
}
