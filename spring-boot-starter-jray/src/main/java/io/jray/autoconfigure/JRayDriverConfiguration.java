package io.jray.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jray.api.JRay;
import io.jray.runtime.ClusterOperations;
import io.jray.runtime.DriverJob;
import io.jray.runtime.NodeDrain;
import io.jray.runtime.NodeSettings;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.core.IdGenerator;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.NodeExecutors;
import io.jray.runtime.node.NodeIdentity;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.task.ActorClient;
import io.jray.runtime.task.ActorHandleType;
import io.jray.runtime.task.ArgumentEncoder;
import io.jray.runtime.task.DefaultJRay;
import io.jray.runtime.task.InfeasibleWork;
import io.jray.runtime.task.NotificationListener;
import io.jray.runtime.task.ObjectReleaser;
import io.jray.runtime.task.ObjectResolver;
import io.jray.runtime.task.TaskCanceller;
import io.jray.runtime.task.TaskSubmitter;

/**
 * The driver side of a node, one bean per part: the ids it makes, its job, the submitter (also the
 * dispatcher of {@code @RemoteTask} proxies), the releaser of objects, the actor client, the
 * canceller, the {@link JRay} API and the cluster's operations. The node closes the submitter as it
 * leaves, so it has no destroy method of its own here.
 */
@Configuration(proxyBeanMethods = false)
class JRayDriverConfiguration {

    /** The ids of the objects, tasks and actors this node makes; one generator, so none repeats. */
    @Bean
    @ConditionalOnMissingBean
    IdGenerator jrayIdGenerator(NodeIdentity identity) {
        return new IdGenerator(identity.id());
    }

    /** The job of the tasks this node submits from outside any task, started on first use. */
    @Bean
    @ConditionalOnMissingBean
    DriverJob jrayDriverJob(Jobs jobs, JobDirectory directory, ClusterHealth health, NodeIdentity identity) {
        return new DriverJob(jobs, directory, health, identity.id());
    }

    /** What submits tasks in batches of {@code jray.submit.batch}, and dispatches the calls of proxies. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    TaskSubmitter jrayTaskSubmitter(NodeIdentity identity, IdGenerator ids, FunctionRegistry functions,
            LargeObjects objects, ObjectResolver resolver, ControlPlane control, Inbox inbox, ClusterHealth health,
            NotificationListener listener, DriverJob job, NodeSettings settings, InfeasibleWork infeasible) {
        String node = identity.id();
        return new TaskSubmitter(node, ids, functions, new ArgumentEncoder(objects, ids, node, resolver), resolver,
                control, inbox, health, listener, job::get, settings.submitBatch(), infeasible);
    }

    /** What frees the objects this node no longer refers to, in Redis and in object stores. */
    @Bean
    @ConditionalOnMissingBean
    ObjectReleaser jrayObjectReleaser(ControlPlane control, TaskSubmitter submitter, ObjectResolver resolver,
            LargeObjects objects, Inbox inbox, NodeIdentity identity, NodeExecutors executors) {
        return new ObjectReleaser(control, submitter, resolver, objects.store(), inbox, identity.id(),
                executors.virtualThreads());
    }

    /** What creates, names, calls and kills actors. */
    @Bean
    @ConditionalOnMissingBean
    ActorClient jrayActorClient(TaskSubmitter submitter, FunctionRegistry functions, ControlPlane control, Inbox inbox,
            Jobs jobs, ClusterHealth health, IdGenerator ids, DriverJob job, NodeIdentity identity,
            ActorHandleType actorHandleType) {
        return new ActorClient(submitter, functions, control, inbox, jobs, health, ids, job::get, identity.id(),
                actorHandleType);
    }

    /** What cancels tasks, wherever they run. */
    @Bean
    @ConditionalOnMissingBean
    TaskCanceller jrayTaskCanceller(ControlPlane control, Inbox inbox, ClusterHealth health, NodeIdentity identity,
            TaskSubmitter submitter) {
        return new TaskCanceller(control, inbox, health, identity.id(), submitter::submitted);
    }

    /** The API the application calls. */
    @Bean
    @ConditionalOnMissingBean
    JRay jray(TaskSubmitter submitter, ObjectResolver resolver, TaskCanceller canceller, ActorClient actors) {
        return new DefaultJRay(submitter, resolver, canceller, actors);
    }

    /** What an operator can do to the cluster from this node: summary, cancel, kill, drain. */
    @Bean
    @ConditionalOnMissingBean
    ClusterOperations jrayClusterOperations(ControlPlane control, TaskCanceller canceller, ActorClient actors,
            Inbox inbox, NodeIdentity identity, NodeDrain drain) {
        return new ClusterOperations(control, canceller, actors, inbox, identity.id(), drain::drain);
    }
}
