package io.jray.dashboard;

import java.util.List;

/**
 * What the task page shows of one task.
 *
 * @param id the task, {@code job/task}
 * @param kind "task", "actor creation" or "actor call"
 * @param function its function id
 * @param name its display name, or empty
 * @param state its state's code
 * @param stateName its state in words
 * @param resources the resource shape it asks for ({@code cpu=1,gpu=1}), or empty for an actor call or a put
 * @param infeasible why no live node can run it while it waits, or empty
 * @param attempt its attempt number
 * @param attempts how many attempts it may take
 * @param node the node that ran its last attempt, or empty
 * @param owner the node that submitted it
 * @param parent the task that submitted it, or empty
 * @param actor the actor created or called, or empty
 * @param submitted when it was submitted
 * @param started when its last attempt started
 * @param ended when it ended
 * @param waited from submission to its start
 * @param ran from its start to its end
 * @param arguments its arguments, or empty with {@code argumentsNote} saying why
 * @param argumentsNote why the arguments are not shown, or empty
 * @param dependencies the objects of its job it took as arguments, with their states
 * @param dependents the first 50 tasks that took its result
 * @param result a preview of its result, or empty
 * @param error the error it failed with, or {@code null}
 * @param lastError the exception of its last retried attempt, or {@code null}
 * @param runs its attempts as the history recorded them, with nodes and timings
 * @param log what it printed and logged, every attempt's
 */
record TaskDetail(String id, String kind, String function, String name, String state, String stateName,
        String resources, String infeasible, int attempt,
        int attempts, String node, String owner, String parent, String actor, String submitted, String started,
        String ended, String waited, String ran, List<Argument> arguments, String argumentsNote,
        List<Link> dependencies, List<Link> dependents, String result, Failure error, Failure lastError,
        List<Attempts.Attempt> runs, TaskLogView log) {

    /**
     * An argument: a value's preview, or a ref's id.
     *
     * @param position its position, from 1
     * @param ref the object id when it is a ref, else empty
     * @param preview the value's text, or how the ref's object stands
     */
    record Argument(int position, String ref, String preview) {
    }

    /**
     * Another task or object, with its state.
     *
     * @param id {@code job/id}
     * @param state its state in words
     */
    record Link(String id, String state) {
    }

    /**
     * An error as the node that ran the task recorded it.
     *
     * @param type the exception's class
     * @param message its message
     * @param stackTrace the remote stack trace, causes included
     */
    record Failure(String type, String message, String stackTrace) {
    }
}
