package io.jray.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks that need a resource run only on a node that has it. The second node is a second
 * application context in this JVM, in the same namespace.
 */
@ExtendWith(BlockingGate.class)
class CustomResourcesTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final TaskOptions ONE_GPU = TaskOptions.builder().resource("gpu", 1).build();

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    @Test
    void aTaskNeedingAGpuWaitsUntilANodeWithAGpuJoinsAndRunsThere() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Arithmetic.class).run(driver -> {
            JRay jray = driver.getBean(JRay.class);
            JRayNode driverNode = driver.getBean(JRayNode.class);
            ObjectRef<Integer> gpuTask = jray.task(Arithmetic::square, 7).options(ONE_GPU).remote();
            ObjectRef<Integer> cpuTask = jray.task(Arithmetic::square, 8).remote();

            assertThat(cpuTask.get(TIMEOUT)).isEqualTo(64);
            assertThat(gpuTask.isReady()).as("ready while no node has a gpu").isFalse();
            assertThat(Recorded.state(driverNode, gpuTask)).isEqualTo("Q");

            redis.node(namespace).withUserConfiguration(Arithmetic.class)
                    .withPropertyValues("jray.node.resources.gpu=1").run(gpuNode -> {
                        String gpuNodeId = gpuNode.getBean(JRayNode.class).identity().id();

                        assertThat(gpuTask.get(TIMEOUT)).isEqualTo(49);
                        assertThat(Recorded.info(driverNode, gpuTask).node()).isEqualTo(gpuNodeId);
                    });
        });
    }

    @Test
    void aNodeWithAGpuStillRunsPlainTasksAndNeverMoreGpuTasksThanItHasGpus() {
        redis.node().withUserConfiguration(Arithmetic.class, Blocking.class)
                .withPropertyValues("jray.node.resources.gpu=1", "jray.node.cpus=4").run(context -> {
                    JRay jray = context.getBean(JRay.class);
                    ObjectRef<Integer> first = jray.task(Blocking::atGate, 1).options(ONE_GPU).remote();
                    ObjectRef<Integer> second = jray.task(Blocking::atGate, 2).options(ONE_GPU).remote();
                    assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();

                    assertThat(jray.task(Arithmetic::square, 3).remote().get(TIMEOUT)).isEqualTo(9);
                    assertThat(Blocking.awaitArrivals(1, Duration.ofMillis(500)))
                            .as("a second gpu task started while the only gpu is held").isFalse();

                    Blocking.openGate();
                    assertThat(jray.get(List.of(first, second), TIMEOUT)).containsExactly(1, 2);
                });
    }
}
