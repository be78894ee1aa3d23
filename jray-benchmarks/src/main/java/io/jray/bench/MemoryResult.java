package io.jray.bench;

/**
 * What the memory suite measured: Redis's memory and keys before and after a number of tasks ran to
 * the end, their values freed, and a sample of their records.
 *
 * @param name the system's name
 * @param setup its cluster
 * @param tasks tasks run, in waves
 * @param wave tasks per wave (submitted, then all awaited, then the refs dropped)
 * @param fillNanos from the first submit to the last value
 * @param settleNanos from the last value until Redis's memory stopped shrinking (values freed)
 * @param memoryBefore Redis's {@code used_memory} before the first task, the cluster up and warmed
 * @param memoryAfter Redis's {@code used_memory} once it settled
 * @param keysBefore {@code DBSIZE} before
 * @param keysAfter {@code DBSIZE} after
 * @param sampled how many task records were sampled
 * @param recordBytes the sampled records' {@code MEMORY USAGE}, mean
 * @param recordFields the sampled records' fields ({@code HLEN}), mean
 */
public record MemoryResult(String name, String setup, int tasks, int wave, long fillNanos, long settleNanos,
        long memoryBefore, long memoryAfter, long keysBefore, long keysAfter, int sampled, double recordBytes,
        double recordFields) {

    /** Redis's memory per finished task, retained. */
    public double bytesPerTask() {
        return (memoryAfter - memoryBefore) / (double) tasks;
    }

    /** Redis keys per finished task, retained. */
    public double keysPerTask() {
        return (keysAfter - keysBefore) / (double) tasks;
    }
}
