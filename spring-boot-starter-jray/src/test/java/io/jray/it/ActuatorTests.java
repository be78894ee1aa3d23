package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.autoconfigure.actuate.JRayActuatorAutoConfiguration;
import io.jray.autoconfigure.actuate.JRayEndpoint;
import io.jray.autoconfigure.actuate.JRayHealthContributorAutoConfiguration;
import io.jray.autoconfigure.actuate.JRayHealthIndicator;
import io.jray.autoconfigure.actuate.JRayMetrics;
import io.jray.autoconfigure.actuate.JRayMetricsAutoConfiguration;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.ClusterView;
import io.jray.runtime.control.NodeField;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The {@code jray} actuator endpoint, health indicator and metrics, on nodes of a real Redis. */
class ActuatorTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AutoConfigurations ACTUATOR = AutoConfigurations.of(JRayActuatorAutoConfiguration.class,
            JRayHealthContributorAutoConfiguration.class, JRayMetricsAutoConfiguration.class);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private static ApplicationContextRunner node(String namespace) {
        return redis.node(namespace).withConfiguration(ACTUATOR).withUserConfiguration(Arithmetic.class)
                .withPropertyValues("management.endpoints.web.exposure.include=jray,health");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEndpointSummarizesNodesAndJobs() {
        node(TestRedis.uniqueNamespace()).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            ObjectRef<Integer> sum = jray.task(Arithmetic::add, 2, 3).remote();
            assertThat(sum.get(TIMEOUT)).isEqualTo(5);

            await().atMost(TIMEOUT).untilAsserted(() -> {
                Map<String, Object> summary = context.getBean(JRayEndpoint.class).summary();
                assertThat(summary).containsEntry("node", node.identity().id());
                List<Map<String, Object>> nodes = (List<Map<String, Object>>) summary.get("nodes");
                assertThat(nodes).singleElement().satisfies(info -> {
                    assertThat(info).containsEntry("worker", true);
                    Map<String, Object> load = (Map<String, Object>) info.get("load");
                    assertThat(load.get(NodeField.FREE.code())).as("a number, not a string").isEqualTo(2L);
                    assertThat((Long) load.get(NodeField.OBJECT_LIMIT.code())).isPositive();
                    assertThat((Long) info.get("heartbeatAgeMillis")).isBetween(0L, 5000L);
                });
                List<ClusterView.JobInfo> jobs = (List<ClusterView.JobInfo>) summary.get("jobs");
                assertThat(jobs).extracting(ClusterView.JobInfo::id).contains(node.driverJob());
            });
        });
    }

    @Test
    void theEndpointIsOnlyThereWhenExposedAndTheHealthIndicatorCanBeSwitchedOff() {
        redis.node().withConfiguration(ACTUATOR).withPropertyValues("management.health.jray.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(JRayEndpoint.class)
                        .doesNotHaveBean(JRayHealthIndicator.class).hasSingleBean(JRayMetrics.class));
    }

    @Test
    void badWriteRequestsAreRefusedWithAReason() {
        node(TestRedis.uniqueNamespace()).run(context -> {
            JRayEndpoint endpoint = context.getBean(JRayEndpoint.class);

            assertThatExceptionOfType(InvalidEndpointRequestException.class)
                    .isThrownBy(() -> endpoint.operate("explode", "x")).withMessageContaining("cancel, kill, drain");
            assertThatExceptionOfType(InvalidEndpointRequestException.class)
                    .isThrownBy(() -> endpoint.operate("cancel", "no-slash")).withMessageContaining("job/task");
            assertThatExceptionOfType(InvalidEndpointRequestException.class)
                    .isThrownBy(() -> endpoint.operate("kill", "jx/nope")).withMessageContaining("no actor has the id");
            assertThatExceptionOfType(InvalidEndpointRequestException.class)
                    .isThrownBy(() -> endpoint.operate("drain", "ghost")).withMessageContaining("no live node");
            assertThatExceptionOfType(InvalidEndpointRequestException.class)
                    .isThrownBy(() -> endpoint.operate("drain", "../x")).withMessageContaining("node id");
        });
    }

    @Test
    void aDrainedNodeTakesNoMoreTasksAndAnotherNodeRunsThem() {
        String namespace = TestRedis.uniqueNamespace();
        node(namespace).withPropertyValues("jray.worker.enabled=false").run(driver -> {
            node(namespace).run(worker -> {
                JRayNode drained = worker.getBean(JRayNode.class);
                assertThat(driver.getBean(JRayEndpoint.class).operate("drain", drained.identity().id()))
                        .containsEntry("draining", true);
                await().atMost(TIMEOUT).until(drained::isDraining);

                ObjectRef<Integer> sum = driver.getBean(JRay.class).task(Arithmetic::add, 4, 5).remote();
                assertThat(driver.getBean(JRay.class).wait(List.of(sum), 1, Duration.ofSeconds(1)).ready())
                        .as("ready while the only worker drains").isEmpty();

                node(namespace).run(other -> assertThat(sum.get(TIMEOUT)).isEqualTo(9));
            });
        });
    }

    @Test
    void healthIsUpWithRedisAndDownWithoutIt() {
        TestRedis own = TestRedis.start();
        try {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                            JRayAutoConfiguration.class))
                    .withConfiguration(ACTUATOR)
                    .withPropertyValues("spring.data.redis.host=" + own.host(), "spring.data.redis.port=" + own.port(),
                            "jray.namespace=" + TestRedis.uniqueNamespace(), "jray.heartbeat.interval=250ms",
                            "jray.heartbeat.timeout=2s", "jray.worker.shutdown-grace=1s",
                            "jray.redis.unavailable-timeout=2s")
                    .run(context -> {
                        JRayHealthIndicator health = context.getBean(JRayHealthIndicator.class);
                        Health up = health.health(true);
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        assertThat(up.getDetails()).containsKeys("node", "redis", "heartbeatAgeMillis");

                        own.close();

                        Health down = health.health(true);
                        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(down.getDetails().get("error").toString()).contains("did not answer");
                    });
        }
        finally {
            own.close();
        }
    }

    @Test
    void metricsCountTasksByFunctionAndReportTheStore() {
        node(TestRedis.uniqueNamespace()).run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(JRayMetrics.class).bindTo(registry);
            JRay jray = context.getBean(JRay.class);

            List<ObjectRef<Integer>> sums = List.of(jray.task(Arithmetic::add, 1, 1).remote(),
                    jray.task(Arithmetic::add, 2, 2).remote(), jray.task(Arithmetic::add, 3, 3).remote());
            assertThat(jray.get(sums, TIMEOUT)).containsExactly(2, 4, 6);

            assertThat(registry.get("jray.tasks.submitted").tag("function", "Arithmetic#add(int,int)").counter().count())
                    .isEqualTo(3);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(registry.get("jray.tasks.finished")
                    .tag("function", "Arithmetic#add(int,int)").counter().count()).isEqualTo(3));
            assertThat(registry.get("jray.task.duration").tag("function", "Arithmetic#add(int,int)").timer().count())
                    .isEqualTo(3);
            assertThat(registry.get("jray.objects.limit").gauge().value()).isPositive();
            assertThat(registry.get("jray.queue.depth").gauge().value()).isGreaterThanOrEqualTo(0);
        });
    }
}
