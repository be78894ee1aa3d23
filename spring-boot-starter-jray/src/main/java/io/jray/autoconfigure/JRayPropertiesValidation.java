package io.jray.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;

/**
 * The ranges {@code jray.*} settings must lie in, checked when they are bound: a value out of range
 * fails start-up with Boot's report naming the property, its value, where it was set and the range.
 */
final class JRayPropertiesValidation {

    private JRayPropertiesValidation() {
    }

    static void validate(JRayProperties p, Errors errors) {
        JRayProperties.Heartbeat heartbeat = p.getHeartbeat();
        positive(errors, "heartbeat.interval", heartbeat.getInterval());
        positive(errors, "heartbeat.timeout", heartbeat.getTimeout());
        if (isPositive(heartbeat.getInterval()) && isPositive(heartbeat.getTimeout())
                && heartbeat.getTimeout().compareTo(heartbeat.getInterval().multipliedBy(2)) < 0) {
            errors.rejectValue("heartbeat.timeout", "range", "must be at least twice jray.heartbeat.interval ("
                    + heartbeat.getInterval().multipliedBy(2) + "), or a node is taken for dead between two beats");
        }
        JRayProperties.Node node = p.getNode();
        if (node.getCpus() != null && !(node.getCpus() >= 0)) {
            errors.rejectValue("node.cpus", "range", "must be 0 or more (the CPUs this node offers to tasks)");
        }
        notNegative(errors, "node.memory", node.getMemory());
        for (Map.Entry<String, Double> resource : node.getResources().entrySet()) {
            if (resource.getValue() == null || !(resource.getValue() >= 0)) {
                errors.rejectValue("node.resources[" + resource.getKey() + "]", "range", "must be 0 or more");
            }
        }
        JRayProperties.Worker worker = p.getWorker();
        atLeastOne(errors, "worker.prefetch", worker.getPrefetch());
        atLeastOne(errors, "worker.report-batch", worker.getReportBatch());
        positive(errors, "worker.block", worker.getBlock());
        notNegative(errors, "worker.short-task", worker.getShortTask());
        notNegative(errors, "worker.give-back-after", worker.getGiveBackAfter());
        notNegative(errors, "worker.shutdown-grace", worker.getShutdownGrace());
        positive(errors, "redis.unavailable-timeout", p.getRedis().getUnavailableTimeout());
        notNegative(errors, "object.inline-threshold", p.getObject().getInlineThreshold());
        notNegative(errors, "object.store-limit", p.getObject().getStoreLimit());
        notNegative(errors, "job.retention", p.getJob().getRetention());
        atLeastOne(errors, "submit.batch", p.getSubmit().getBatch());
        notNegative(errors, "task.infeasible-timeout", p.getTask().getInfeasibleTimeout());
        JRayProperties.Logs logs = p.getLogs();
        between(errors, "logs.max-per-task", logs.getMaxPerTask(), DataSize.ofKilobytes(1), DataSize.ofMegabytes(16));
        notNegative(errors, "logs.max-per-second", logs.getMaxPerSecond());
        positive(errors, "logs.retention", logs.getRetention());
    }

    private static void between(Errors errors, String field, DataSize value, DataSize min, DataSize max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.rejectValue(field, "range", "must be between " + min + " and " + max);
        }
    }

    private static boolean isPositive(Duration d) {
        return d != null && d.isPositive();
    }

    private static void positive(Errors errors, String field, Duration value) {
        if (!isPositive(value)) {
            errors.rejectValue(field, "range", "must be more than 0");
        }
    }

    private static void notNegative(Errors errors, String field, Duration value) {
        if (value != null && value.isNegative()) {
            errors.rejectValue(field, "range", "must be 0 or more");
        }
    }

    private static void notNegative(Errors errors, String field, DataSize value) {
        if (value != null && value.isNegative()) {
            errors.rejectValue(field, "range", "must be 0 or more");
        }
    }

    private static void atLeastOne(Errors errors, String field, int value) {
        if (value < 1) {
            errors.rejectValue(field, "range", "must be 1 or more");
        }
    }
}
