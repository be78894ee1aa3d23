package io.jray.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jray.api.JRay;
import io.jray.runtime.ClusterOperations;
import io.jray.runtime.DriverJob;
import io.jray.runtime.JRayNode;
import io.jray.runtime.NodeDrain;
import io.jray.runtime.NodeSettings;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Inbox;
import io.jray.runtime.control.JobDirectory;
import io.jray.runtime.control.Jobs;
import io.jray.runtime.core.IdGenerator;
import io.jray.runtime.function.ProxyCallDispatcher;
import io.jray.runtime.node.ClusterHealth;
import io.jray.runtime.node.DeadNodeReaper;
import io.jray.runtime.node.FunctionDirectory;
import io.jray.runtime.node.NodeExecutors;
import io.jray.runtime.node.NodeIdentity;
import io.jray.runtime.node.NodeRegistry;
import io.jray.runtime.store.LargeObjects;
import io.jray.runtime.task.ActorClient;
import io.jray.runtime.task.InfeasibleWork;
import io.jray.runtime.task.NotificationListener;
import io.jray.runtime.task.ObjectReleaser;
import io.jray.runtime.task.ObjectResolver;
import io.jray.runtime.task.TaskCanceller;
import io.jray.runtime.task.TaskSubmitter;
import io.jray.runtime.worker.Worker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's parts, its driver's included, are beans of the auto-configuration, which the node is
 * assembled from; a user's own bean replaces one.
 */
class JRayNodePartsConfigurationTests extends ContextOnRedis {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<Class<?>> PARTS = List.of(NodeSettings.class, NodeIdentity.class, ControlPlane.class,
            ClusterHealth.class, NodeExecutors.class, Inbox.class, Jobs.class, JobDirectory.class, NodeRegistry.class,
            NotificationListener.class, LargeObjects.class, ObjectResolver.class, InfeasibleWork.class,
            FunctionDirectory.class, DeadNodeReaper.class, NodeDrain.class, IdGenerator.class, DriverJob.class,
            TaskSubmitter.class, ObjectReleaser.class, ActorClient.class, TaskCanceller.class, JRay.class,
            ClusterOperations.class, ProxyCallDispatcher.class);

    @Test
    void everyPartIsOneBeanAndTheNodeIsAssembledFromThem() {
        withRedis().withUserConfiguration(JRayAutoConfigurationTests.Greeter.class).run(context -> {
            assertThat(context).hasNotFailed();
            for (Class<?> part : PARTS) {
                assertThat(context).as(part.getSimpleName()).hasSingleBean(part);
            }
            assertThat(context).hasSingleBean(Worker.class);
            JRayNode node = context.getBean(JRayNode.class);
            assertThat(node.control()).isSameAs(context.getBean(ControlPlane.class));
            assertThat(node.identity()).isSameAs(context.getBean(NodeIdentity.class));
            assertThat(node.health()).isSameAs(context.getBean(ClusterHealth.class));
            assertThat(node.objects()).isSameAs(context.getBean(LargeObjects.class));
            assertThat(node.jray()).isSameAs(context.getBean(JRay.class));
            assertThat(node.submitter()).isSameAs(context.getBean(TaskSubmitter.class))
                    .isSameAs(context.getBean(ProxyCallDispatcher.class));
            assertThat(node.operations()).isSameAs(context.getBean(ClusterOperations.class));
            assertThat(context.getBean(NodeRegistry.class).epoch()).as("the registry bean is the one that registered")
                    .isPositive();
            assertThat(context.getBean(JRay.class).task(JRayAutoConfigurationTests.Greeter::greet,
                    new JRayAutoConfigurationTests.Person("Ada")).remote().get(TIMEOUT))
                    .isEqualTo(new JRayAutoConfigurationTests.Greeting("Hello, Ada"));
        });
    }

    @Test
    void aNodeThatOnlySubmitsHasNoWorker() {
        withRedis().withPropertyValues("jray.worker.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Worker.class).hasSingleBean(JRayNode.class);
            JRayNode node = context.getBean(JRayNode.class);
            assertThat(node.isRunning()).isTrue();
            assertThat(node.identity().worker()).isFalse();
            assertThat(node.runningTasks()).isZero();
            assertThat(node.drain()).as("a node without a worker has nothing to drain").isFalse();
            assertThat(node.isDraining()).isFalse();
        });
    }

    @Test
    void aUserDefinedPartReplacesTheAutoConfiguredOneAndTheNodeRunsOnIt() {
        withRedis().withUserConfiguration(OwnThreads.class, JRayAutoConfigurationTests.Greeter.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(NodeExecutors.class);
            assertThat(context.getBean(NodeExecutors.class)).isSameAs(OwnThreads.EXECUTORS);
            assertThat(context.getBean(JRay.class).task(JRayAutoConfigurationTests.Greeter::greet,
                    new JRayAutoConfigurationTests.Person("Grace")).remote().get(TIMEOUT))
                    .isEqualTo(new JRayAutoConfigurationTests.Greeting("Hello, Grace"));
        });
        assertThat(OwnThreads.EXECUTORS.virtualThreads().isShutdown()).as("the node shut its threads down as it left")
                .isTrue();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnThreads {

        static final NodeExecutors EXECUTORS = NodeExecutors.create();

        @Bean
        NodeExecutors ownExecutors() {
            return EXECUTORS;
        }
    }
}
