package io.jray.autoconfigure;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.jray.api.JRay;
import io.jray.runtime.ClusterOperations;
import io.jray.runtime.DriverComponents;
import io.jray.runtime.DriverJob;
import io.jray.runtime.JRayNode;
import io.jray.runtime.NodeComponents;
import io.jray.runtime.NodeDrain;
import io.jray.runtime.NodeSettings;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.control.Keys;
import io.jray.runtime.control.redis.RedisLink;
import io.jray.runtime.core.Resources;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.logs.TaskLogCapture;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.DeadNodeReaper;
import io.jray.runtime.node.FunctionDirectory;
import io.jray.runtime.node.NodeExecutors;
import io.jray.runtime.node.NodeIdentity;
import io.jray.runtime.node.NodeRegistry;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.store.StoreSettings;
import io.jray.runtime.task.ActorClient;
import io.jray.runtime.task.ActorHandleType;
import io.jray.runtime.task.InfeasibleWork;
import io.jray.runtime.task.NotificationListener;
import io.jray.runtime.task.ObjectRefType;
import io.jray.runtime.task.ObjectReleaser;
import io.jray.runtime.task.ObjectResolver;
import io.jray.runtime.task.TaskCanceller;
import io.jray.runtime.task.TaskSubmitter;
import io.jray.runtime.worker.Worker;

/** The node itself: its Redis connections, its runtime and the {@link JRay} bean. */
@Configuration(proxyBeanMethods = false)
class JRayNodeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RedisLink jrayRedisLink(RedisConnectionFactory connectionFactory) {
        if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
            throw new IllegalStateException("jray needs Spring Data Redis on Lettuce, but the RedisConnectionFactory is a "
                    + connectionFactory.getClass().getName() + ": remove Jedis or set spring.data.redis.client-type=lettuce");
        }
        lettuce.start();
        String address = lettuce.getSentinelConfiguration() != null
                ? "sentinel master " + lettuce.getSentinelConfiguration().getMaster().getName()
                : lettuce.getHostName() + ":" + lettuce.getPort();
        return new RedisLink(lettuce.getRequiredNativeClient(), address);
    }

    /** Everything the node is configured with, resolved from the {@code jray.*} properties. */
    @Bean
    @ConditionalOnMissingBean
    NodeSettings jrayNodeSettings(JRayProperties properties) {
        return settings(properties);
    }

    /** The one door to Redis of this node's runtime; its commands wait at most {@code jray.unavailable-timeout}. */
    @Bean
    @ConditionalOnMissingBean
    ControlPlane jrayControlPlane(RedisLink redis, NodeSettings settings) {
        redis.commandTimeout(settings.unavailableTimeout());
        return new ControlPlane(redis, new Keys(settings.namespace()));
    }

    /** Who this node is: a new random id at each start, this host and process, the configured resources. */
    @Bean
    @ConditionalOnMissingBean
    NodeIdentity jrayNodeIdentity(NodeSettings settings) {
        return NodeIdentity.ofThisProcess(settings.hostId(), settings.resources(), settings.workerEnabled());
    }

    /** Whether Redis answers this node; fails what waits on it once it has not for {@code jray.unavailable-timeout}. */
    @Bean
    @ConditionalOnMissingBean
    ClusterHealth jrayClusterHealth(ControlPlane control, NodeSettings settings) {
        return new ClusterHealth(settings.unavailableTimeout(), control.membership().address());
    }

    /** The node, of its parts ({@link JRayNodePartsConfiguration}) and its driver ({@link JRayDriverConfiguration}). */
    @Bean
    @ConditionalOnMissingBean
    JRayNode jrayNode(NodeSettings settings, NodeIdentity identity, ControlPlane control, ClusterHealth health,
            NodeExecutors executors, Inbox inbox, Jobs jobs, JobDirectory directory, NodeRegistry registry,
            NotificationListener listener, LargeObjects objects, ObjectResolver resolver, InfeasibleWork infeasible,
            FunctionDirectory functionDirectory, DeadNodeReaper reaper, ObjectProvider<Worker> worker, NodeDrain drain,
            FunctionRegistry functions, ValueCodec codec, ObjectRefType refType, ActorHandleType actorHandleType,
            DriverJob job, TaskSubmitter submitter, ObjectReleaser releaser, ActorClient actors,
            TaskCanceller canceller, JRay jray, ClusterOperations operations) {
        return new JRayNode(new NodeComponents(settings, identity, control, health, executors, inbox, jobs, directory,
                registry, listener, objects, resolver, infeasible, functionDirectory, reaper,
                identity.worker() ? worker.getIfAvailable() : null, drain, functions, codec, refType, actorHandleType),
                new DriverComponents(job, submitter, releaser, actors, canceller, jray, operations));
    }

    @Bean
    JRayNodeLifecycle jrayNodeLifecycle(JRayNode node, JRayProperties properties) {
        return new JRayNodeLifecycle(node, properties.getWorker().isEnabled() && properties.getWorker().isKeepAlive());
    }


    static StoreSettings storeSettings(JRayProperties.ObjectStore object) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path shm = Path.of("/dev/shm");
        Path directory = object.getDirectory() != null ? Path.of(object.getDirectory())
                : Files.isDirectory(shm) && Files.isWritable(shm) ? shm.resolve("jray") : tmp.resolve("jray-objects");
        Path spill = object.getSpillDirectory() != null ? Path.of(object.getSpillDirectory()) : tmp.resolve("jray-spill");
        long limit = object.getStoreLimit() != null ? object.getStoreLimit().toBytes() : defaultStoreLimit();
        long inline = object.getInlineThreshold().toBytes();
        if (limit <= 0 || inline < 0) {
            throw new IllegalArgumentException("jray.object.store-limit must be positive and jray.object.inline-threshold "
                    + "not negative, were " + limit + " and " + inline + " bytes");
        }
        return new StoreSettings(directory, spill, limit, inline, object.getBindAddress(), object.getPort(),
                object.getAdvertisedHost(), object.getToken());
    }

    private static long defaultStoreLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return (long) (os.getTotalMemorySize() * 0.3);
        }
        return 2L << 30;
    }

    private static TaskLogCapture.Settings logSettings(JRayProperties.Logs logs) {
        return new TaskLogCapture.Settings(logs.isEnabled(), (int) logs.getMaxPerTask().toBytes(),
                logs.getMaxPerSecond().toBytes(), logs.getRetention());
    }

    static NodeSettings settings(JRayProperties properties) {
        JRayProperties.Node node = properties.getNode();
        Map<String, Double> resources = new HashMap<>(node.getResources());
        resources.put(Resources.CPU, node.getCpus() != null ? node.getCpus()
                : (double) Runtime.getRuntime().availableProcessors());
        if (node.getMemory() != null) {
            resources.put(Resources.MEMORY, (double) node.getMemory().toBytes());
        }
        JRayProperties.Worker worker = properties.getWorker();
        return new NodeSettings(properties.getNamespace(), Resources.of(resources), node.getHostId(),
                worker.isEnabled(), properties.getHeartbeat().getInterval(), properties.getHeartbeat().getTimeout(),
                properties.getRedis().getUnavailableTimeout(), storeSettings(properties.getObject()),
                properties.getJob().getRetention(), properties.getSubmit().getBatch(),
                new Worker.Settings(worker.getBlock(), worker.getGiveBackAfter(), worker.getShortTask(),
                        worker.getPrefetch(), worker.getReportBatch(), worker.getShutdownGrace(),
                        logSettings(properties.getLogs())),
                properties.getTask().getInfeasibleTimeout());
    }
}
