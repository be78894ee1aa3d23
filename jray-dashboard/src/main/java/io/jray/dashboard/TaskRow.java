package io.jray.dashboard;

import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.function.FunctionId;

/**
 * A row of the tasks page.
 *
 * @param id the task, {@code job/task}
 * @param function its function without the package
 * @param fullFunction its function id
 * @param state its state's code
 * @param stateName its state in words
 * @param node the node that ran it last, or empty
 * @param submitted when it was submitted
 * @param waited from submission to its start
 * @param ran from its start to its end
 */
record TaskRow(String id, String function, String fullFunction, String state, String stateName, String node,
        String submitted, String waited, String ran) {

    static TaskRow of(TaskHistory.Row row) {
        return new TaskRow(row.id().toString(), FunctionId.shortName(row.function()), row.function(), row.state(),
                TaskStates.name(row.state()), row.node() == null ? "" : row.node(), Times.at(row.submittedAt()),
                Times.between(row.submittedAt(), row.startedAt()), Times.between(row.startedAt(), row.endedAt()));
    }
}
