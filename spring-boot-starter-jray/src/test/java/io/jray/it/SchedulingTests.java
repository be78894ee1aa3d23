package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;

import static io.jray.it.Recorded.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node runs as many tasks at once as its CPUs allow, counting each task's demand. Tasks wait at
 * a gate, so what runs at once is seen without timing.
 */
@ExtendWith(BlockingGate.class)
class SchedulingTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** How long a task that must not start is given to start anyway. */
    private static final Duration GRACE = Duration.ofMillis(500);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner nodeWithCpus(int cpus) {
        return redis.node().withUserConfiguration(Arithmetic.class, Blocking.class)
                .withPropertyValues("jray.node.cpus=" + cpus);
    }

    private static List<ObjectRef<Integer>> atGate(JRay jray, int count, TaskOptions options) {
        return IntStream.range(0, count).mapToObj(i -> jray.task(Blocking::atGate, i).options(options).remote()).toList();
    }

    @Test
    void aNodeRunsAsManyOneCpuTasksAtOnceAsItHasCpusAndNoMore() {
        nodeWithCpus(3).run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = atGate(jray, 4, TaskOptions.defaults());

            assertThat(Blocking.awaitArrivals(3, TIMEOUT)).as("three tasks run at once").isTrue();
            assertThat(Blocking.awaitArrivals(1, GRACE)).as("a fourth task started").isFalse();

            Blocking.openGate();
            assertThat(jray.get(refs, TIMEOUT)).containsExactly(0, 1, 2, 3);
        });
    }

    @Test
    void fractionalCpuTasksShareACpu() {
        nodeWithCpus(1).run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = atGate(jray, 3, TaskOptions.builder().cpus(0.5).build());

            assertThat(Blocking.awaitArrivals(2, TIMEOUT)).as("two half-cpu tasks run at once on one cpu").isTrue();
            assertThat(Blocking.awaitArrivals(1, GRACE)).as("a third half-cpu task started").isFalse();

            Blocking.openGate();
            assertThat(jray.get(refs, TIMEOUT)).containsExactly(0, 1, 2);
        });
    }

    @Test
    void tasksNeedingNoCpuAreNotLimitedByCpus() {
        nodeWithCpus(1).run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = atGate(jray, 4, TaskOptions.builder().cpus(0).build());

            assertThat(Blocking.awaitArrivals(4, TIMEOUT)).isTrue();

            Blocking.openGate();
            assertThat(jray.get(refs, TIMEOUT)).containsExactly(0, 1, 2, 3);
        });
    }

    @Test
    void aTaskNeedingTwoCpusWaitsUntilBothAreFree() {
        nodeWithCpus(2).run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> small = jray.task(Blocking::atGate, 1).remote();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();

            ObjectRef<Integer> big = jray.task(Blocking::atGate, 2).options(TaskOptions.builder().cpus(2).build()).remote();
            assertThat(Blocking.awaitArrivals(1, GRACE)).as("the two-cpu task started beside a one-cpu task").isFalse();

            Blocking.openGate();
            assertThat(small.get(TIMEOUT)).isEqualTo(1);
            assertThat(big.get(TIMEOUT)).isEqualTo(2);
        });
    }

    @Test
    void aWaitingTaskStartsWhenResourcesAreFreedWithoutWaitingForTheReadTimeout() {
        nodeWithCpus(2).withPropertyValues("jray.worker.block=1m").run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> small = jray.task(Blocking::atGate, 1).remote();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();
            ObjectRef<Integer> big = jray.task(Arithmetic::square, 2).options(TaskOptions.builder().cpus(2).build())
                    .remote();
            await().atMost(TIMEOUT).until(() -> "Q".equals(state(context.getBean(JRayNode.class), big)));

            Blocking.openGate();

            assertThat(small.get(TIMEOUT)).isEqualTo(1);
            assertThat(big.get(Duration.ofSeconds(15))).as("the two-cpu task, well before the 1 minute read timeout")
                    .isEqualTo(4);
        });
    }

    @Test
    void aTaskNeedingMoreCpusThanTheNodeHasStaysQueuedWhileOthersRun() {
        nodeWithCpus(2).run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> tooBig = jray.task(Arithmetic::square, 2).options(TaskOptions.builder().cpus(3).build())
                    .remote();

            assertThat(jray.task(Arithmetic::square, 3).remote().get(TIMEOUT)).isEqualTo(9);
            assertThat(state(context.getBean(JRayNode.class), tooBig)).isEqualTo("Q");
            assertThat(tooBig.isReady()).isFalse();
        });
    }
}
