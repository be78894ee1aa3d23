package io.jray.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jray.api.JRayUnavailableException;
import io.jray.runtime.NodeDrain;
import io.jray.runtime.NodeSettings;
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
import io.jray.runtime.store.ClusterToken;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.task.InfeasibleWork;
import io.jray.runtime.task.NotificationListener;
import io.jray.runtime.task.ObjectRefType;
import io.jray.runtime.task.ObjectResolver;
import io.jray.runtime.task.TaskArguments;
import io.jray.runtime.worker.Worker;

/**
 * The parts of a node, one bean each, which {@link io.jray.runtime.JRayNode} wires its driver onto
 * and starts. The node starts and stops them in order (a worker drains before the store closes), so
 * none has a destroy method of its own here.
 */
@Configuration(proxyBeanMethods = false)
class JRayNodePartsConfiguration {

    /** The threads the node's parts share: two timers and virtual threads. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    NodeExecutors jrayNodeExecutors() {
        return NodeExecutors.create();
    }

    /** The control messages between nodes: jobs changed, cancel, kill an actor, free objects, drain. */
    @Bean
    @ConditionalOnMissingBean
    Inbox jrayInbox(ControlPlane control) {
        return new Inbox(control);
    }

    /** The lifecycle of jobs: start, end, and what is kept of them for {@code jray.job.retention}. */
    @Bean
    @ConditionalOnMissingBean
    Jobs jrayJobs(ControlPlane control, Inbox inbox, NodeSettings settings) {
        return new Jobs(control, inbox, settings.jobRetention());
    }

    /** The active jobs, as this node last read them. */
    @Bean
    @ConditionalOnMissingBean
    JobDirectory jrayJobDirectory(ControlPlane control) {
        return new JobDirectory(control);
    }

    /** This node's registration, refreshed every {@code jray.heartbeat.interval}. */
    @Bean
    @ConditionalOnMissingBean
    NodeRegistry jrayNodeRegistry(ControlPlane control, NodeIdentity identity, NodeSettings settings,
            ClusterHealth health) {
        return new NodeRegistry(control, identity, settings.heartbeatInterval(), settings.heartbeatTimeout(), health);
    }

    /** The reader of this node's notifications (settled objects) and inbox. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    NotificationListener jrayNotificationListener(ControlPlane control, NodeIdentity identity, ClusterHealth health,
            NodeSettings settings) {
        return new NotificationListener(control.streams(), control.keys(), identity.id(), health,
                settings.worker().block());
    }

    /** This node's store of large objects, and the server and client of their transfers. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    LargeObjects jrayLargeObjects(NodeSettings settings, NodeIdentity identity, ControlPlane control, ValueCodec codec) {
        String address = control.membership().address();
        String cluster;
        String token;
        try {
            cluster = ClusterToken.clusterId(control);
            token = ClusterToken.resolve(control, settings.store().token());
        }
        catch (Exception e) {
            throw new JRayUnavailableException("could not read the cluster's id and token from Redis at " + address
                    + " (or set jray.object.token): " + e, e);
        }
        return new LargeObjects(settings.store(), settings.namespace(), cluster, identity.id(), identity.hostId(),
                control, codec, token);
    }

    /** What waits for objects and reads them, for the refs this node hands out. */
    @Bean
    @ConditionalOnMissingBean
    ObjectResolver jrayObjectResolver(ControlPlane control, ValueCodec codec, LargeObjects objects,
            ObjectRefType refType, NodeIdentity identity, ClusterHealth health, NotificationListener listener,
            NodeExecutors executors) {
        return new ObjectResolver(control, codec, objects, refType, identity.id(), health, listener::watch,
                executors.virtualThreads());
    }

    /** The tasks no live node can run, failed after {@code jray.task.infeasible-timeout}. */
    @Bean
    @ConditionalOnMissingBean
    InfeasibleWork jrayInfeasibleWork(ControlPlane control, NodeIdentity identity, NodeSettings settings) {
        return new InfeasibleWork(control, identity.id(), settings.infeasibleTimeout());
    }

    /** The functions each node of the cluster offers, this one's published under its digest. */
    @Bean
    @ConditionalOnMissingBean
    FunctionDirectory jrayFunctionDirectory(ControlPlane control, NodeIdentity identity, FunctionRegistry functions) {
        return new FunctionDirectory(control, identity.id(), functions);
    }

    /** What declares nodes dead that missed their heartbeats, and hands back their work. */
    @Bean
    @ConditionalOnMissingBean
    DeadNodeReaper jrayDeadNodeReaper(ControlPlane control, Jobs jobs, Inbox inbox, NodeIdentity identity,
            ClusterHealth health, NodeSettings settings) {
        return new DeadNodeReaper(control, jobs, inbox, identity.id(), health, settings.heartbeatTimeout(),
                settings.reapGrace());
    }

    /** What drains this node when an operator or its inbox asks. */
    @Bean
    @ConditionalOnMissingBean
    NodeDrain jrayNodeDrain(NodeIdentity identity, ObjectProvider<Worker> worker, NodeRegistry registry,
            NodeExecutors executors) {
        return new NodeDrain(identity.id(), identity.worker() ? worker.getIfAvailable() : null, registry,
                executors.virtualThreads());
    }

    /** What runs tasks and hosts actors; none with {@code jray.worker.enabled=false}. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "jray.worker.enabled", matchIfMissing = true)
    Worker jrayWorker(ControlPlane control, NodeIdentity identity, FunctionRegistry functions,
            FunctionDirectory functionDirectory, LargeObjects objects, ObjectResolver resolver, ValueCodec codec,
            JobDirectory directory, ClusterHealth health, NodeExecutors executors, NodeSettings settings,
            NodeRegistry registry) {
        return new Worker(control, identity.id(), identity.resources(), functions, functionDirectory, objects,
                new TaskArguments(resolver, codec), directory, health, executors.timers(), settings.worker(),
                registry::epoch);
    }
}
