package io.jray.runtime;

import io.jray.api.JRay;
import io.jray.runtime.task.ActorClient;
import io.jray.runtime.task.ObjectReleaser;
import io.jray.runtime.task.TaskCanceller;
import io.jray.runtime.task.TaskSubmitter;

/**
 * The driver side of a node, beans of the auto-configuration like the node's other parts
 * ({@link NodeComponents}): what submits tasks and actor calls, frees objects, cancels, and the
 * operations an operator reaches through the actuator and the dashboard.
 *
 * @param job the job of the tasks submitted from outside any task
 * @param submitter what submits tasks, in batches
 * @param releaser what frees the objects the node no longer refers to
 * @param actors what creates, names, calls and kills actors
 * @param canceller what cancels tasks
 * @param jray the API the application calls
 * @param operations what an operator can do to the cluster from this node
 */
public record DriverComponents(DriverJob job, TaskSubmitter submitter, ObjectReleaser releaser, ActorClient actors,
        TaskCanceller canceller, JRay jray, ClusterOperations operations) {
}
