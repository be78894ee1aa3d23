package io.jray.runtime;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.DeadNodeReaper;
import io.jray.runtime.node.FunctionDirectory;
import io.jray.runtime.node.NodeExecutors;
import io.jray.runtime.node.NodeIdentity;
import io.jray.runtime.node.NodeRegistry;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.task.ActorHandleType;
import io.jray.runtime.task.InfeasibleWork;
import io.jray.runtime.task.NotificationListener;
import io.jray.runtime.task.ObjectRefType;
import io.jray.runtime.task.ObjectResolver;
import io.jray.runtime.worker.Worker;

/**
 * The parts of a node that the auto-configuration builds as beans, handed to {@link JRayNode} with
 * its driver ({@link DriverComponents}); the node starts and stops them all in order.
 *
 * @param settings what the node is configured with
 * @param identity who it is
 * @param control its one door to Redis
 * @param health whether Redis answers it
 * @param executors the threads its parts share
 * @param inbox the control messages between nodes
 * @param jobs the lifecycle of jobs
 * @param directory the active jobs, as this node last read them
 * @param registry its registration and heartbeat
 * @param listener the reader of its notifications and inbox
 * @param objects its store of large objects, and their transfers
 * @param resolver what waits for and reads objects
 * @param infeasible the tasks no live node can run
 * @param functionDirectory the functions each node offers
 * @param reaper what hands back the work of dead nodes
 * @param worker what runs tasks and hosts actors, or {@code null} on a node that only submits
 * @param drain what drains the node
 * @param functions the application's remote functions and actor classes
 * @param codec the codec of values
 * @param refType the type of the refs it hands out
 * @param actorHandleType the type of the actor handles it hands out
 */
public record NodeComponents(NodeSettings settings, NodeIdentity identity, ControlPlane control, ClusterHealth health,
        NodeExecutors executors, Inbox inbox, Jobs jobs, JobDirectory directory, NodeRegistry registry,
        NotificationListener listener, LargeObjects objects, ObjectResolver resolver, InfeasibleWork infeasible,
        FunctionDirectory functionDirectory, DeadNodeReaper reaper, Worker worker, NodeDrain drain, FunctionRegistry functions,
        ValueCodec codec, ObjectRefType refType, ActorHandleType actorHandleType) {
}
