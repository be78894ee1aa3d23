package io.jray.dashboard;

import java.util.ArrayList;
import java.util.List;

import io.jray.runtime.control.RecordEvent;
import io.jray.runtime.control.RecordState;
import io.jray.runtime.control.history.TaskHistory;

/**
 * A task's attempts, read from its timeline in the history: each starts when a node starts it
 * (or, for a short one, when the node reporting its end says it started) and ends with its outcome.
 */
final class Attempts {

    /**
     * One attempt.
     *
     * @param number from 1
     * @param node the node that ran it
     * @param started when it started
     * @param ended when it ended, or empty while it runs
     * @param ran how long it ran
     * @param outcome how it ended, or "running"
     */
    record Attempt(int number, String node, String started, String ended, String ran, String outcome) {
    }

    private Attempts() {
    }

    static List<Attempt> of(List<TaskHistory.Step> steps) {
        List<Attempt> attempts = new ArrayList<>();
        String node = null;
        long started = 0;
        for (TaskHistory.Step step : steps) {
            RecordState state = RecordState.of(step.state());
            if (state == RecordState.RUNNING) {
                node = step.node();
                started = step.at();
            }
            else if (state == RecordState.QUEUED || state == RecordState.WAITING) {
                if (node != null) {
                    attempts.add(attempt(attempts.size() + 1, node, started, step.at(),
                            "taken back (its node died, or gave it back)"));
                    node = null;
                }
            }
            else {
                if (node == null && step.node() != null) {
                    node = step.node();
                    started = step.startedAt();
                }
                if (node != null) {
                    attempts.add(attempt(attempts.size() + 1, node, started, step.at(), outcome(step.state())));
                    node = null;
                }
            }
        }
        if (node != null) {
            attempts.add(new Attempt(attempts.size() + 1, node, Times.at(started), "", "", "running"));
        }
        return attempts;
    }

    private static Attempt attempt(int number, String node, long started, long ended, String outcome) {
        return new Attempt(number, node, Times.at(started), Times.at(ended), Times.between(started, ended), outcome);
    }

    private static String outcome(String state) {
        return RecordEvent.RETRIED.code().equals(state) ? "failed, retried" : TaskStates.name(state);
    }
}
