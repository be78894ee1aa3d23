package io.jray.dashboard;

import java.util.Map;
import java.util.stream.Collectors;

import io.jray.runtime.control.JobListing;

/**
 * A row of the Jobs page.
 *
 * @param id the job id
 * @param owner the node whose driver it is
 * @param started when it started
 * @param duration how long it ran, or has run so far
 * @param active whether it runs
 * @param tasks how many of its tasks the history holds
 * @param states those tasks by state, as "12 finished, 4 running"
 * @param dag the link of its whole graph
 */
record JobRow(String id, String owner, String started, String duration, boolean active, long tasks, String states,
        String dag) {

    static JobRow of(JobListing.Job job, Map<String, Long> counts, long now) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        String states = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + TaskStates.name(e.getKey())).collect(Collectors.joining(", "));
        return new JobRow(job.id(), job.owner() == null ? "" : job.owner(), Times.at(job.startedAt()),
                Times.between(job.startedAt(), job.active() ? now : job.endedAt()), job.active(), total, states,
                DagLinks.job(job.id()));
    }
}
