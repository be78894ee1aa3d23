package io.jray.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything the history suite measured: how fast the history filled, what it costs Redis, and how
 * fast the dashboard's Tasks page answered each kind of query.
 *
 * @param name the system's name
 * @param setup its cluster
 * @param tasks tasks submitted (all of them are in the history)
 * @param failed of which failed, as meant to
 * @param wave tasks per wave (submitted, then all awaited)
 * @param fillNanos from the first submit to the last wave indexed
 * @param indexWaitNanos of which spent after the waves, waiting for the indexer to apply them
 * @param memoryBefore Redis's {@code used_memory} before the first task, the cluster up
 * @param memoryAfter Redis's {@code used_memory} once every task was indexed
 * @param historyBytes {@code MEMORY USAGE} of the history's own keys, summed, at the end
 * @param countsByState the history's tasks by state letter, at the end
 * @param capacity how many tasks the history keeps at most
 * @param queries the kinds of query, in the order measured
 */
public record HistoryResult(String name, String setup, int tasks, int failed, int wave, long fillNanos,
        long indexWaitNanos, long memoryBefore, long memoryAfter, long historyBytes, Map<String, Long> countsByState,
        int capacity, List<Query> queries) {

    /**
     * One kind of query, measured.
     *
     * @param label what it asks for
     * @param path the request, from the dashboard's root
     * @param filtered whether the page is filtered (by state, function or node): such pages count for the target
     * @param matching how many tasks match it (for a search: 1)
     * @param nanos the time of each measured request, from sending it to the last byte of the answer
     * @param readMillis the page's own "read in N ms" (the history script alone), per measured request;
     *        empty for a search
     */
    public record Query(String label, String path, boolean filtered, long matching, List<Long> nanos,
            List<Long> readMillis) {

        public double p50Millis() {
            return percentile(nanos, 0.50) / 1e6;
        }

        public double p95Millis() {
            return percentile(nanos, 0.95) / 1e6;
        }

        public double maxMillis() {
            return percentile(nanos, 1.0) / 1e6;
        }

        /** The median of the pages' own read times, or -1 for a search. */
        public long medianReadMillis() {
            return readMillis.isEmpty() ? -1 : percentile(readMillis, 0.50);
        }
    }

    /** Tasks per second of the fill, the indexing included. */
    public double fillTasksPerSecond() {
        return tasks / (fillNanos / 1e9);
    }

    /** The filtered query with the highest p95, or {@code null} when none was measured. */
    public Query worstFiltered() {
        return queries.stream().filter(Query::filtered)
                .max((a, b) -> Double.compare(a.p95Millis(), b.p95Millis())).orElse(null);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    static long percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
