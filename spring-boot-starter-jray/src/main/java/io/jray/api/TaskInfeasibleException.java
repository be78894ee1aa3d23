package io.jray.api;

/**
 * A task or actor asked for resources that no live node offered within
 * {@code jray.task.infeasible-timeout}; the message names what it asked for and what the nodes offer.
 */
public class TaskInfeasibleException extends JRayException {

    public TaskInfeasibleException(String message) {
        super(message);
    }
}
