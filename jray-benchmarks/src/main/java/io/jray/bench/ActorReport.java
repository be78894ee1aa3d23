package io.jray.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static io.jray.bench.Format.dec;
import static io.jray.bench.Format.num;

/**
 * The actor part of the report: how it was measured, a table of the four measurements (1:1 and
 * n:n, async and one at a time), Redis's commands per call, and the actor rows of the targets.
 */
final class ActorReport {

    private static final double TARGET_SYNC_CALLS_PER_SECOND = 3_000;
    private static final double TARGET_ASYNC_CALLS_PER_SECOND = 15_000;
    private static final int TOP_COMMANDS = 10;

    private final Settings settings;
    private final ActorResult result;
    private final List<Column> columns;

    ActorReport(Settings settings, ActorResult result) {
        this.settings = settings;
        this.result = result;
        String many = result.callers() + ":" + result.callers();
        this.columns = List.of(new Column("1:1 async", result.oneAsync(), result.oneAsyncRuns(), null),
                new Column("1:1 sync", result.oneSync(), null, result.oneLatency()),
                new Column(many + " async", result.manyAsync(), result.manyAsyncRuns(), null),
                new Column(many + " sync", result.manySync(), null, result.manyLatency()));
    }

    /** One measurement of the table: async columns have runs, sync columns latencies. */
    private record Column(String label, Measurement measurement, List<Measurement> runs, Latency latency) {
    }

    /** The line of the run's description that says how actors were measured. */
    String method() {
        int n = result.callers();
        return String.format(Locale.ROOT, "- Actors (%s only: Redisson has no actor model), on a cluster of their own: "
                + "%s. The actor's method is `int increment()` (it counts its calls; every value is checked, so a "
                + "lost, repeated or reordered call fails the run). 1:1: one caller thread and one actor on worker "
                + "JVM 1; async rounds of %,d calls for at least %d s to warm up, then %,d calls sent without waiting, "
                + "then all awaited (calls/s = calls / wall time from the first send to the last value; median of "
                + "%d runs); then %,d calls one at a time (send, get, next) to warm up and %,d measured (calls/s = "
                + "calls / wall time of the loop). %d:%d: %d caller threads, each with an actor of its own (the "
                + "actors alternate between the worker JVMs), all starting together, each doing 1/%d of every 1:1 "
                + "step above (warm-up included; %,d async calls per run, %,d one at a time); calls/s = all "
                + "callers' calls / wall time until the last caller is done; latencies over all callers.%n",
                result.name(), result.setup(), settings.warmup(), settings.actorWarmupSeconds(),
                settings.actorCalls(), settings.runs(), settings.syncWarmup(), settings.syncCalls(), n, n, n, n,
                settings.actorCalls() / n, settings.syncCalls() / n);
    }

    /** The tables: figures, then Redis's commands per call. */
    String tables() {
        StringBuilder t = new StringBuilder("Actors, " + result.name() + " (Redisson has no actor model)\n\n| | ");
        t.append(String.join(" | ", columns.stream().map(Column::label).toList())).append(" |\n|---|");
        t.append("---:|".repeat(columns.size())).append("\n");
        row(t, "**calls/s** (async: median run)", c -> "**" + num(c.measurement().tasksPerSecond()) + "**");
        row(t, "async runs (calls/s)", c -> c.runs() == null ? "" : String.join(" / ",
                c.runs().stream().map(m -> num(m.tasksPerSecond())).toList()));
        row(t, "time to send all (ms, median run)", c -> c.runs() == null ? "" : num(c.measurement().submitNanos()
                / 1e6));
        row(t, "**latency p50 (µs)**", c -> c.latency() == null ? "" : "**" + num(c.latency().p50Micros()) + "**");
        row(t, "**latency p99 (µs)**", c -> c.latency() == null ? "" : "**" + num(c.latency().p99Micros()) + "**");
        row(t, "latency max (µs)", c -> c.latency() == null ? "" : num(c.latency().maxMicros()));
        row(t, "**Redis calls per actor call**", c -> "**" + dec(c.measurement().callsPerTask()) + "**");
        row(t, "of which script calls (EVAL/EVALSHA)", c -> dec(c.measurement().callsPerTask("evalsha")
                + c.measurement().callsPerTask("eval")));
        row(t, "Redis CPU per call (µs)", c -> dec(c.measurement().redis().cpuMicros()
                / (double) c.measurement().tasks()));
        row(t, "Redis network in / out per call (bytes)", c -> num(c.measurement().redis().netInputBytes()
                / (double) c.measurement().tasks()) + " / " + num(c.measurement().redis().netOutputBytes()
                / (double) c.measurement().tasks()));
        row(t, "CPU per call: driver / workers / Redis (µs)", c -> cpu(c.measurement()));
        t.append("\nIdle cluster with one actor: ").append(num(result.backgroundCallsPerSecond()))
                .append(" Redis calls per second.\n\n");
        return t.append(commands()).toString();
    }

    private void row(StringBuilder t, String label, Function<Column, String> cell) {
        t.append("| ").append(label).append(" | ");
        t.append(String.join(" | ", columns.stream().map(cell).toList())).append(" |\n");
    }

    private static String cpu(Measurement m) {
        double n = m.tasks();
        return num(m.cpu().driverMicros() / n) + " / " + num(m.cpu().workersMicros() / n) + " / "
                + num(m.cpu().redisMicros() / n);
    }

    private String commands() {
        Measurement top = result.oneAsync();
        StringBuilder t = new StringBuilder("Redis calls per actor call, " + result.name() + " (top " + TOP_COMMANDS
                + " of 1:1 async)\n\n| command | ");
        t.append(String.join(" | ", columns.stream().map(Column::label).toList())).append(" |\n|---|");
        t.append("---:|".repeat(columns.size())).append("\n");
        List<String> names = top.redis().calls().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(TOP_COMMANDS)
                .map(Map.Entry::getKey).toList();
        for (String name : names) {
            row(t, name, c -> dec(c.measurement().callsPerTask(name)));
        }
        row(t, "**all**", c -> "**" + dec(c.measurement().callsPerTask()) + "**");
        return t.toString();
    }

    /** The actor rows of the targets table. */
    List<String> targets() {
        List<String> rows = new ArrayList<>();
        double sync = result.oneSync().tasksPerSecond();
        rows.add(Format.target(result.name() + " 1:1 actor calls one at a time >= " + num(TARGET_SYNC_CALLS_PER_SECOND)
                + " calls/s", num(sync) + " calls/s", sync >= TARGET_SYNC_CALLS_PER_SECOND));
        double async = result.oneAsync().tasksPerSecond();
        rows.add(Format.target(result.name() + " 1:1 actor calls async >= " + num(TARGET_ASYNC_CALLS_PER_SECOND)
                + " calls/s", num(async) + " calls/s", async >= TARGET_ASYNC_CALLS_PER_SECOND));
        return rows;
    }
}
