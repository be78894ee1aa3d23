package io.jray.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.jray.bench.jray.JRayContender;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The memory suite: runs many empty tasks to the end in waves, lets the driver drop and free their
 * values, then reads what Redis keeps of them: {@code used_memory} and keys against before, and the
 * {@code MEMORY USAGE} of a sample of the task records. It does so twice on one cluster: with no
 * dashboard, then while one listens (the key a dashboard's history indexer keeps is set, so the
 * nodes' scripts record events and keep freed records for the history).
 */
public final class MemoryBenchmark {

    static final int WAVE = 20_000;
    private static final int SAMPLE = 1_000;
    private static final long SETTLE_MAX_SECONDS = 120;
    private static final Duration LISTENING_NOTICED = Duration.ofSeconds(30);

    private final Settings settings;
    private final RedisServer redis;
    private final String events;
    private final String eventsListened;

    public MemoryBenchmark(Settings settings, RedisServer redis, String namespace) {
        this.settings = settings;
        this.redis = redis;
        this.events = namespace + ":ev";
        this.eventsListened = namespace + ":ev:on";
    }

    /** Runs the suite on a started jray cluster. */
    public MemoryResult run(JRayContender contender) throws Exception {
        contender.submitAllThenGetAll(settings.warmup());
        MemoryResult.Phase quiet = phase(contender, "without a dashboard");
        redis.commands().set(eventsListened, "1");
        try {
            long deadline = System.nanoTime() + LISTENING_NOTICED.toNanos();
            while (redis.commands().exists(events) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the nodes did not record events within " + LISTENING_NOTICED);
                }
                contender.submitAllThenGetAll(100);
            }
            MemoryResult.Phase listened = phase(contender, "while a dashboard listens");
            return new MemoryResult(contender.name(), contender.setup(), settings.memoryTasks(), WAVE, quiet, listened);
        }
        finally {
            redis.commands().del(eventsListened);
        }
    }

    private MemoryResult.Phase phase(JRayContender contender, String label) throws Exception {
        RedisCommands<String, String> commands = redis.commands();
        settle();
        long eventsBefore = dropEventStream();
        long before = redis.usedMemory();
        long keysBefore = commands.dbsize();
        long start = System.nanoTime();
        for (int done = 0; done < settings.memoryTasks(); done += WAVE) {
            contender.submitAllThenGetAll(Math.min(WAVE, settings.memoryTasks() - done));
        }
        long filled = System.nanoTime();
        settle();
        long settled = System.nanoTime();
        long eventsAfter = dropEventStream();
        long after = redis.usedMemory();
        long keysAfter = commands.dbsize();
        long bytes = 0;
        long fields = 0;
        int sampled = 0;
        String example = null;
        ScanCursor cursor = ScanCursor.INITIAL;
        while (sampled < SAMPLE && !cursor.isFinished()) {
            KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.matches("*:o:*").limit(1_000));
            for (String key : page.getKeys()) {
                if (sampled < SAMPLE && "hash".equals(commands.type(key))) {
                    bytes += commands.memoryUsage(key);
                    if (example == null) {
                        example = key + " " + fieldSizes(commands, key);
                    }
                    fields += commands.hlen(key);
                    sampled++;
                }
            }
            cursor = page;
        }
        MemoryResult.Phase phase = new MemoryResult.Phase(filled - start, settled - filled, before, after, keysBefore,
                keysAfter, eventsBefore, eventsAfter, sampled, bytes / (double) Math.max(1, sampled),
                fields / (double) Math.max(1, sampled));
        System.out.printf("[%s memory, %s] %,d tasks in %.0f s; used_memory %,d -> %,d bytes, event stream %,d -> %,d"
                + " (%.0f per task besides it), keys %,d -> %,d; %d records sampled: %.0f bytes, %.1f fields each%n",
                contender.name(), label, settings.memoryTasks(), (filled - start) / 1e9, before, after, eventsBefore,
                eventsAfter, phase.bytesPerTask(settings.memoryTasks()), keysBefore, keysAfter, sampled,
                phase.recordBytes(), phase.recordFields());
        System.out.println("[" + contender.name() + " memory, " + label + "] a record's fields and their sizes in bytes: "
                + example);
        return phase;
    }

    // why: MEMORY USAGE of a stream samples a few of its nodes; what used_memory loses with it is exact
    /** Deletes the event stream (no indexer reads it here) and answers how much memory it held. */
    private long dropEventStream() {
        long with = redis.usedMemory();
        if (redis.commands().del(events) == 0) {
            return 0;
        }
        return Math.max(0, with - redis.usedMemory());
    }

    private static String fieldSizes(RedisCommands<String, String> commands, String key) {
        StringBuilder sizes = new StringBuilder();
        commands.hgetall(key).forEach((field, value) -> sizes.append(field).append('=').append(value.length()).append(' '));
        return sizes.toString().trim();
    }

    /**
     * Collects the driver's garbage (dropped refs free their values) until Redis's memory stops
     * shrinking: three readings a second apart within 0.2 % of each other; returns the last one.
     */
    private long settle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_MAX_SECONDS);
        List<Long> readings = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            System.gc();
            readings.add(redis.usedMemory());
            int n = readings.size();
            if (n >= 3 && steady(readings.get(n - 3), readings.get(n - 1)) && steady(readings.get(n - 2), readings.get(n - 1))) {
                return readings.get(n - 1);
            }
            Thread.sleep(1_000);
        }
        return readings.getLast();
    }

    private static boolean steady(long a, long b) {
        return Math.abs(a - b) <= Math.max(a, b) * 0.002;
    }
}
