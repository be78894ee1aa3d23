package io.jray.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskInfeasibleException;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Work no live node can run is said at once, listed, and waits for a node or fails after a timeout. */
@ExtendWith(OutputCaptureExtension.class)
class InfeasibleWorkTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TaskOptions ONE_GPU = TaskOptions.builder().resource("gpu", 1).build();

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    @Test
    void aTaskNeedingAGpuNoNodeOffersIsWarnedWithinASecondListedAndRunsOnceAGpuNodeJoins(CapturedOutput output) {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Arithmetic.class).run(driver -> {
            JRay jray = driver.getBean(JRay.class);
            JRayNode node = driver.getBean(JRayNode.class);
            String infeasible = node.control().keys().infeasible();

            ObjectRef<Integer> gpuTask = jray.task(Arithmetic::square, 7).options(ONE_GPU).remote();

            await().atMost(Duration.ofMillis(1500)).untilAsserted(() -> assertThat(output)
                    .contains("Arithmetic#square(int) asks for cpu=1,gpu=1, which no live node offers")
                    .contains("set jray.task.infeasible-timeout to fail it instead"));
            assertThat(redis.redis().commands().hvals(infeasible)).singleElement().asString().contains("gpu=1");
            assertThat(jray.task(Arithmetic::square, 8).remote().get(TIMEOUT)).as("other work runs").isEqualTo(64);

            redis.node(namespace).withUserConfiguration(Arithmetic.class)
                    .withPropertyValues("jray.node.resources.gpu=1").run(gpuNode -> {
                        assertThat(gpuTask.get(TIMEOUT)).isEqualTo(49);
                        await().atMost(TIMEOUT).until(() -> redis.redis().commands().hlen(infeasible) == 0);
                    });
        });
    }

    @Test
    void withTheTimeoutSetAnInfeasibleTaskFailsNamingTheResource() {
        redis.node().withUserConfiguration(Arithmetic.class).withPropertyValues("jray.task.infeasible-timeout=1s")
                .run(driver -> {
                    JRay jray = driver.getBean(JRay.class);
                    ObjectRef<Integer> tooBig = jray.task(Arithmetic::square, 3)
                            .options(TaskOptions.builder().cpus(64).build()).remote();

                    assertThatThrownBy(() -> tooBig.get(TIMEOUT)).isInstanceOf(TaskInfeasibleException.class)
                            .hasMessageContaining("asks for cpu=64").hasMessageContaining("which no live node offered")
                            .hasMessageContaining("jray.task.infeasible-timeout");
                });
    }
}
