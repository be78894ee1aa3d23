package io.jray.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.jray.bench.Format.dec;
import static io.jray.bench.Format.num;

/**
 * The results as Markdown: printed, and written into the results section of {@code BENCHMARKS.md}
 * (between two marker comments; the text around them is kept).
 */
public final class Report {

    /** The one command that reproduces the report, from the repository root. */
    public static final String COMMAND = "./mvnw -Pbench -pl jray-benchmarks -am verify -DskipTests";

    static final String START = "<!-- bench:results:start (written by io.jray.bench.BenchmarkMain) -->";
    static final String END = "<!-- bench:results:end -->";

    private static final double TARGET_TASKS_PER_SECOND = 10_000;
    private static final double TARGET_RATIO = 3;
    private static final double TARGET_P50_MICROS = 1_000;
    private static final int TOP_COMMANDS = 10;

    private final Settings settings;
    private final String commit;
    private final String redisVersion;
    private final List<Result> results;
    private final ActorReport actors;

    /**
     * A report of the task suite's {@code results} (none when it did not run) and of {@code actors}
     * ({@code null} when the actor suite did not run); {@code commit} names the code measured (see
     * {@link Commit}).
     */
    public Report(Settings settings, String commit, String redisVersion, List<Result> results, ActorResult actors) {
        this.settings = settings;
        this.commit = commit;
        this.redisVersion = redisVersion;
        this.results = results;
        this.actors = actors == null ? null : new ActorReport(settings, actors);
    }

    /** The results section, in Markdown. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Run of ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'"))).append("\n\n");
        md.append("- Command (from the repository root): `").append(COMMAND).append("`\n");
        md.append("- jray commit: ").append(commit).append("\n");
        md.append("- Machine: ").append(Machine.describe()).append("\n");
        md.append("- Redis ").append(redisVersion).append(", a fresh `redis-server` on loopback started by the "
                + "benchmark, persistence off; ").append(clusters()).append("\n");
        md.append("- Worker JVM options: `").append(String.join(" ", settings.jvmArgs()))
                .append("` (the driver JVM runs with the same)\n");
        for (Result r : results) {
            md.append("- ").append(r.name()).append(": ").append(r.setup()).append("\n");
        }
        if (!results.isEmpty()) {
            md.append(taskMethod());
        }
        if (actors != null) {
            md.append(actors.method());
        }
        md.append("- Redis calls are `INFO commandstats` after `CONFIG RESETSTAT`; they include the commands run "
                + "inside Lua scripts and the cluster's background traffic (heartbeats, polls) during the run\n\n");
        if (!results.isEmpty()) {
            md.append(figures()).append("\n");
            for (Result r : results) {
                md.append(commands(r)).append("\n");
            }
        }
        if (actors != null) {
            md.append(actors.tables()).append("\n");
        }
        md.append(targets());
        return md.toString();
    }

    /** Which clusters shared the Redis server. */
    private String clusters() {
        List<String> clusters = new ArrayList<>(results.stream().map(r -> r.name() + " tasks").toList());
        if (actors != null) {
            clusters.add("jray actors");
        }
        if (clusters.size() == 1) {
            return "one cluster (" + clusters.getFirst() + ") used it";
        }
        return "the clusters (" + String.join(", ", clusters) + ") used the same server, one after the other "
                + "(FLUSHALL before each)";
    }

    private String taskMethod() {
        return String.format(Locale.ROOT, "- Tasks, async: rounds of %,d tasks for at least %d s to warm up, then %,d "
                + "empty tasks submitted, then all awaited; throughput = tasks / wall time from the first submit to "
                + "the last value; median of %d runs. Sync: %,d calls one at a time (submit, get, next) to warm up, "
                + "then %,d measured.%n", settings.warmup(), settings.warmupSeconds(), settings.tasks(),
                settings.runs(), settings.syncWarmup(), settings.syncCalls());
    }

    private String figures() {
        StringBuilder t = new StringBuilder("| | ");
        t.append(results.stream().map(Result::name).collect(Collectors.joining(" | "))).append(" |\n|---|");
        t.append("---:|".repeat(results.size())).append("\n");
        row(t, "**async throughput, median (tasks/s)**", r -> "**" + num(r.medianRun().tasksPerSecond()) + "**");
        row(t, "async runs (tasks/s)", r -> r.throughputRuns().stream().map(m -> num(m.tasksPerSecond()))
                .collect(Collectors.joining(" / ")));
        row(t, "time to submit all (ms, median run)", r -> num(r.medianRun().submitNanos() / 1e6));
        row(t, "**sync latency p50 (µs)**", r -> "**" + num(r.p50Micros()) + "**");
        row(t, "**sync latency p99 (µs)**", r -> "**" + num(r.p99Micros()) + "**");
        row(t, "sync latency max (µs)", r -> num(r.maxMicros()));
        row(t, "sync throughput (calls/s)", r -> num(r.sync().tasksPerSecond()));
        row(t, "**Redis calls per task, async**", r -> "**" + dec(r.medianRun().callsPerTask()) + "**");
        row(t, "Redis calls per task, sync", r -> dec(r.sync().callsPerTask()));
        row(t, "of which script calls (EVAL/EVALSHA), async", r -> dec(r.medianRun().callsPerTask("evalsha")
                + r.medianRun().callsPerTask("eval")));
        row(t, "Redis CPU per task, async (µs)", r -> dec(r.medianRun().redis().cpuMicros()
                / (double) r.medianRun().tasks()));
        row(t, "Redis CPU per task, sync (µs)", r -> dec(r.sync().redis().cpuMicros() / (double) r.sync().tasks()));
        row(t, "Redis network in / out per task, async (bytes)", r -> num(r.medianRun().redis().netInputBytes()
                / (double) r.medianRun().tasks()) + " / " + num(r.medianRun().redis().netOutputBytes()
                / (double) r.medianRun().tasks()));
        row(t, "CPU per task, async: driver / workers / Redis (µs)", r -> cpu(r.medianRun()));
        row(t, "CPU per task, sync: driver / workers / Redis (µs)", r -> cpu(r.sync()));
        row(t, "idle cluster's Redis calls per second", r -> num(r.backgroundCallsPerSecond()));
        return t.toString();
    }

    private void row(StringBuilder t, String label, Function<Result, String> cell) {
        t.append("| ").append(label).append(" | ");
        t.append(results.stream().map(cell).collect(Collectors.joining(" | "))).append(" |\n");
    }

    private static String cpu(Measurement m) {
        double n = m.tasks();
        return num(m.cpu().driverMicros() / n) + " / " + num(m.cpu().workersMicros() / n) + " / "
                + num(m.cpu().redisMicros() / n);
    }

    private static String commands(Result r) {
        Measurement async = r.medianRun();
        Measurement sync = r.sync();
        StringBuilder t = new StringBuilder("Redis calls per task, " + r.name() + " (top " + TOP_COMMANDS + ")\n\n"
                + "| command | async | sync |\n|---|---:|---:|\n");
        List<Map.Entry<String, Long>> top = async.redis().calls().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(TOP_COMMANDS)
                .toList();
        for (Map.Entry<String, Long> e : top) {
            t.append("| ").append(e.getKey()).append(" | ").append(dec(async.callsPerTask(e.getKey()))).append(" | ")
                    .append(dec(sync.callsPerTask(e.getKey()))).append(" |\n");
        }
        t.append("| **all** | **").append(dec(async.callsPerTask())).append("** | **").append(dec(sync.callsPerTask()))
                .append("** |\n");
        return t.toString();
    }

    private String targets() {
        List<String> rows = new ArrayList<>(taskTargets());
        if (actors != null) {
            rows.addAll(actors.targets());
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "Targets of the issue\n\n| target | measured | |\n|---|---:|---|\n" + String.join("", rows);
    }

    private List<String> taskTargets() {
        Result jray = find("jray");
        Result redisson = find("Redisson");
        if (jray == null) {
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        double async = jray.medianRun().tasksPerSecond();
        rows.add(Format.target("jray async throughput >= 10,000 tasks/s", num(async) + " tasks/s",
                async >= TARGET_TASKS_PER_SECOND));
        if (redisson != null) {
            double ratio = async / redisson.medianRun().tasksPerSecond();
            rows.add(Format.target("jray async throughput >= 3x Redisson's", dec(ratio) + "x", ratio >= TARGET_RATIO));
        }
        rows.add(Format.target("jray sync latency p50 <= 1 ms", num(jray.p50Micros()) + " µs",
                jray.p50Micros() <= TARGET_P50_MICROS));
        return rows;
    }

    private Result find(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** Replaces the results section of the report file, creating the file when there is none. */
    public void write(Path file) throws IOException {
        String section = START + "\n\n" + markdown() + "\n" + END;
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + START + "\n" + END + "\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            text = text + "\n" + section + "\n";
        }
        else {
            text = text.substring(0, start) + section + text.substring(end + END.length());
        }
        Files.writeString(file, text);
    }
}
