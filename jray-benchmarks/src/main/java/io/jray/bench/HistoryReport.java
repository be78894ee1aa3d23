package io.jray.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.jray.bench.HistoryResult.Query;

import static io.jray.bench.Format.dec;
import static io.jray.bench.Format.num;

/**
 * The history part of the report: how it was measured, a table of the kinds of query (latency of
 * the Tasks page), the fill and what Redis holds, and the history's row of the targets.
 */
final class HistoryReport {

    /** The target's history: the dashboard's default size. */
    private static final int TARGET_TASKS = 1_000_000;
    private static final double TARGET_P95_MILLIS = 300;
    private static final double MIB = 1 << 20;

    private final Settings settings;
    private final HistoryResult result;

    HistoryReport(Settings settings, HistoryResult result) {
        this.settings = settings;
        this.result = result;
    }

    /** The command's options for history settings not at their defaults, such as {@code " -Dbench.history-tasks=1"}. */
    String options() {
        String options = "";
        if (settings.historyTasks() != Settings.DEFAULT_HISTORY_TASKS) {
            options += " -Dbench.history-tasks=" + settings.historyTasks();
        }
        if (settings.historyQueries() != Settings.DEFAULT_HISTORY_QUERIES) {
            options += " -Dbench.history-queries=" + settings.historyQueries();
        }
        return options;
    }

    /** The line of the run's description that says how the history was measured. */
    String method() {
        return String.format(Locale.ROOT, "- History (%s only: no peer measured here has a page of its task history "
                + "to compare with; Redisson's `RExecutorService` keeps none), on a cluster of its own: %s. Worker "
                + "JVM options: `%s` (the driver JVM runs with the same). Fill: once the dashboard's indexer listens, "
                + "%,d tasks in waves of %,d (submitted without waiting, then all awaited, then the refs dropped); "
                + "task i calls `BenchTasks.fail(i)`, which throws, when i %% 100 = 99, else `noop`, `noop2` or "
                + "`noop3` by i %% 3 (each returns i), so about 1 %% fail and the rest spread over three functions. "
                + "After each wave the harness waits until the indexer applied the event stream up to its last "
                + "entry (the control plane's scripts cap the stream at about 50,000 entries, so the backlog must "
                + "stay small); fill "
                + "rate = tasks / wall time from the first submit to the last wave indexed. Then it checks that the "
                + "history holds every task in its final state (counts by state), and reads Redis's `used_memory` "
                + "(`INFO memory`; before the fill with the cluster up, and after: the difference includes the "
                + "task records, which Redis keeps for `jray.job.retention` (1 h) after their values are freed, "
                + "not only the history) and the `MEMORY USAGE` of the history's own keys (`<namespace>:h:*`, "
                + "summed). Queries: `GET` requests from the benchmark's JVM to the dashboard it serves, over one "
                + "keep-alive HTTP/1.1 connection (`java.net.http.HttpClient`), one at a time, in rounds that ask for "
                + "every kind once, in the order of the table: %d rounds to warm up, then %d measured; time = from "
                + "sending the request to the last byte of the page; p50 / p95 / max by nearest rank. Every answer is "
                + "checked: a 200 whose caption reads `Tasks a–b of n`, n being the number of matching tasks the "
                + "history counts (or, for a search, a 303 to the task's page), so a wrong page fails the run. "
                + "*Page's own read* is the time the page reports for its one history script call (`page.lua`: the "
                + "bitmaps intersected, then the rows of the page; in whole ms, `< 1` for less), median of the "
                + "measured requests; the request also counts the tasks by state, lists the functions and nodes "
                + "seen, and renders %d rows.%n", result.name(),
                result.setup(), String.join(" ", settings.jvmArgs()), result.tasks(), result.wave(),
                HistoryQueries.WARMUP, settings.historyQueries(), HistoryQueries.PAGE_SIZE);
    }

    /** The tables: the kinds of query, the requests they send, then the fill and Redis's memory. */
    String tables() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "History, %s: the dashboard's Tasks page "
                + "over %,d recorded tasks (%d measured requests of each kind)%n%n", result.name(), result.tasks(),
                settings.historyQueries()));
        t.append("| query | matching tasks | **p50 (ms)** | **p95 (ms)** | max (ms) | page's own read, median (ms) |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (Query q : result.queries()) {
            t.append("| ").append(q.label()).append(" | ").append(num(q.matching())).append(" | **")
                    .append(dec(q.p50Millis())).append("** | **").append(dec(q.p95Millis())).append("** | ")
                    .append(dec(q.maxMillis())).append(" | ")
                    .append(read(q.medianReadMillis())).append(" |\n");
        }
        t.append("\nThe requests, in that order (on the dashboard's root URL):\n\n");
        for (Query q : result.queries()) {
            t.append("- `").append(q.path()).append("`\n");
        }
        long grown = result.memoryAfter() - result.memoryBefore();
        t.append("\nFill and memory\n\n| | |\n|---|---:|\n");
        t.append("| tasks recorded: finished / failed | ").append(num(result.countsByState().getOrDefault("F", 0L)))
                .append(" / ").append(num(result.countsByState().getOrDefault("E", 0L))).append(" |\n");
        t.append("| **fill rate with the history on (tasks/s)** | **").append(num(result.fillTasksPerSecond()))
                .append("** |\n");
        t.append("| fill wall time (s) | ").append(dec(result.fillNanos() / 1e9)).append(" |\n");
        t.append("| of which waiting for the indexer after the waves (s) | ")
                .append(dec(result.indexWaitNanos() / 1e9)).append(" |\n");
        t.append("| history capacity (tasks) | ").append(num(result.capacity())).append(" |\n");
        t.append("| Redis `used_memory` before / after the fill (MiB) | ").append(num(result.memoryBefore() / MIB))
                .append(" / ").append(num(result.memoryAfter() / MIB)).append(" |\n");
        t.append("| the history's own keys at the end (MiB) | ").append(num(result.historyBytes() / MIB))
                .append(" |\n");
        t.append("| bytes per recorded task: Redis in all / the history's keys | ")
                .append(num(grown / (double) result.tasks())).append(" / ")
                .append(num(result.historyBytes() / (double) result.tasks())).append(" |\n");
        return t.toString();
    }

    /** A page's own read time, which it reports in whole milliseconds; blank for a search. */
    private static String read(long millis) {
        return millis < 0 ? "" : millis == 0 ? "< 1" : num(millis);
    }

    /** The history's row of the targets table. */
    List<String> targets() {
        List<String> rows = new ArrayList<>();
        Query worst = result.worstFiltered();
        if (worst == null) {
            return rows;
        }
        String target = String.format(Locale.ROOT, "%s filtered tasks page with %,d tasks recorded < %s ms (p95, "
                + "worst filtered query)", result.name(), TARGET_TASKS, num(TARGET_P95_MILLIS));
        String measured = dec(worst.p95Millis()) + " ms (" + worst.label() + ")";
        if (result.tasks() < TARGET_TASKS) {
            rows.add("| " + target + " | " + measured + String.format(Locale.ROOT, " | not comparable: %,d tasks "
                    + "recorded |\n", result.tasks()));
        }
        else {
            rows.add(Format.target(target, measured, worst.p95Millis() < TARGET_P95_MILLIS));
        }
        return rows;
    }
}
