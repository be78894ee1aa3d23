package io.jray.bench;

/**
 * What the memory suite measured, in two phases on one cluster: first with no dashboard listening
 * (a freed record goes at once), then while one listens (a freed record stays for the history,
 * without its value and spec, until the job's retention has passed).
 *
 * @param name the contender's name
 * @param setup how the cluster was set up
 * @param tasks tasks run to the end in each phase
 * @param wave tasks submitted at once, then awaited
 * @param quiet the phase without a dashboard
 * @param listened the phase while a dashboard listens
 */
public record MemoryResult(String name, String setup, int tasks, int wave, Phase quiet, Phase listened) {

    /**
     * One phase's readings.
     *
     * @param fillNanos from the first submit to the last value
     * @param settleNanos from the last value until Redis's memory stopped shrinking (values freed)
     * @param memoryBefore Redis's {@code used_memory} before the first task, the cluster up and warmed
     * @param memoryAfter Redis's {@code used_memory} once it settled
     * @param keysBefore {@code DBSIZE} before
     * @param keysAfter {@code DBSIZE} after
     * @param eventsBefore what {@code used_memory} lost when the event stream was deleted before (0 when absent)
     * @param eventsAfter what {@code used_memory} lost when the event stream (capped near 50,000 entries) was deleted after
     * @param sampled how many task records were sampled
     * @param recordBytes the sampled records' {@code MEMORY USAGE}, mean
     * @param recordFields the sampled records' fields ({@code HLEN}), mean
     */
    public record Phase(long fillNanos, long settleNanos, long memoryBefore, long memoryAfter, long keysBefore,
            long keysAfter, long eventsBefore, long eventsAfter, int sampled, double recordBytes, double recordFields) {

        /** Redis's memory per finished task, retained (both readings taken without the event stream). */
        public double bytesPerTask(int tasks) {
            return (memoryAfter - memoryBefore) / (double) tasks;
        }

        /** Redis keys per finished task, retained. */
        public double keysPerTask(int tasks) {
            return (keysAfter - keysBefore) / (double) tasks;
        }
    }
}
