package io.jray.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.jray.bench.Format.dec;
import static io.jray.bench.Format.num;

/**
 * The results as Markdown: printed, and written into {@code BENCHMARKS.md}, the task and actor
 * suites between one pair of marker comments, the object suite between another and the history
 * suite between a third, so a run of some suites keeps the other sections and the text around them.
 */
public final class Report {

    /** The one command that reproduces the report, from the repository root. */
    public static final String COMMAND = "./mvnw -Pbench -pl jray-benchmarks -am verify -DskipTests";

    static final String START = "<!-- bench:results:start (written by io.jray.bench.BenchmarkMain) -->";
    static final String END = "<!-- bench:results:end -->";
    static final String OBJECTS_START = "<!-- bench:objects:start (written by io.jray.bench.BenchmarkMain) -->";
    static final String OBJECTS_END = "<!-- bench:objects:end -->";
    static final String HISTORY_START = "<!-- bench:history:start (written by io.jray.bench.BenchmarkMain) -->";
    static final String HISTORY_END = "<!-- bench:history:end -->";
    static final String MEMORY_START = "<!-- bench:memory:start (written by io.jray.bench.BenchmarkMain) -->";
    static final String MEMORY_END = "<!-- bench:memory:end -->";

    /** The end marker of each section, by its start marker. */
    private static final Map<String, String> ENDS = Map.of(START, END, OBJECTS_START, OBJECTS_END, HISTORY_START,
            HISTORY_END, MEMORY_START, MEMORY_END);

    private static final double TARGET_TASKS_PER_SECOND = 10_000;
    private static final double TARGET_RATIO = 3;
    private static final double TARGET_P50_MICROS = 1_000;
    private static final int TOP_COMMANDS = 10;

    private final Settings settings;
    private final String commit;
    private final String redisVersion;
    private final List<Result> results;
    private final ActorReport actors;
    private final ObjectReport objects;
    private final HistoryReport history;
    private final MemoryResult memory;

    /**
     * A report of the task suite's {@code results} (none when it did not run), of {@code actors}, of
     * {@code objects} and of {@code history} ({@code null} when their suite did not run); {@code commit}
     * names the code measured (see {@link Commit}).
     */
    public Report(Settings settings, String commit, String redisVersion, List<Result> results, ActorResult actors,
            ObjectResult objects, HistoryResult history, MemoryResult memory) {
        this.settings = settings;
        this.commit = commit;
        this.redisVersion = redisVersion;
        this.results = results;
        this.actors = actors == null ? null : new ActorReport(settings, actors);
        this.objects = objects == null ? null : new ObjectReport(settings, objects);
        this.history = history == null ? null : new HistoryReport(settings, history);
        this.memory = memory;
    }

    /**
     * What the run measured, in Markdown: the task and actor section, then the object section, then
     * the history section, each when it ran.
     */
    public String markdown() {
        return String.join("\n", sections().values());
    }

    /** The sections that ran, by their start marker. */
    private Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        if (!results.isEmpty() || actors != null) {
            sections.put(START, callSection());
        }
        if (objects != null) {
            sections.put(OBJECTS_START, objectSection());
        }
        if (history != null) {
            sections.put(HISTORY_START, historySection());
        }
        if (memory != null) {
            sections.put(MEMORY_START, MemoryReport.section(header(" -Dbench.memory-tasks=" + memory.tasks()), memory));
        }
        return sections;
    }

    /** The header of a section: when, the command, the commit and the machine. */
    private String header() {
        return header("");
    }

    /** The header of a section whose command also names {@code options}, such as {@code " -Dbench.x=1"}. */
    private String header(String options) {
        List<String> defaults = Settings.DEFAULT_SUITES;
        String suites = (settings.suites().equals(defaults) ? "" : " -Dbench.suites=" + String.join(",",
                settings.suites())) + options;
        return "### Run of " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'")) + "\n\n"
                + "- Command (from the repository root): `" + COMMAND + suites + "`\n"
                + "- jray commit: " + commit + "\n"
                + "- Machine: " + Machine.describe() + "\n"
                + "- Redis " + redisVersion + ", a fresh `redis-server` on loopback started by the benchmark, "
                + "persistence off; " + clusters() + "\n";
    }

    private String callSection() {
        StringBuilder md = new StringBuilder(header());
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
        List<String> rows = new ArrayList<>(taskTargets());
        if (actors != null) {
            rows.addAll(actors.targets());
        }
        return md.append(targets(rows)).toString();
    }

    private String objectSection() {
        return header() + objects.method() + "\n" + objects.tables() + "\n" + targets(objects.targets());
    }

    private String historySection() {
        return header(history.options()) + history.method() + "\n" + history.tables() + "\n"
                + targets(history.targets());
    }

    /** Which clusters shared the Redis server. */
    private String clusters() {
        List<String> clusters = new ArrayList<>(results.stream().map(r -> r.name() + " tasks").toList());
        if (actors != null) {
            clusters.add("jray actors");
        }
        if (objects != null) {
            clusters.add("jray objects with Redisson buckets");
        }
        if (history != null) {
            clusters.add("jray with the dashboard's task history");
        }
        if (memory != null) {
            clusters.add("jray tasks for the memory suite");
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

    private static String targets(List<String> rows) {
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

    /**
     * Replaces the sections of the report file that this run measured (the others are kept), creating
     * the file or a section when there is none.
     */
    public void write(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        for (Map.Entry<String, String> section : sections().entrySet()) {
            String start = section.getKey();
            String end = ENDS.get(start);
            String marked = start + "\n\n" + section.getValue() + "\n" + end;
            int from = text.indexOf(start);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                text = text + "\n" + marked + "\n";
            }
            else {
                text = text.substring(0, from) + marked + text.substring(to + end.length());
            }
        }
        Files.writeString(file, text);
    }
}
