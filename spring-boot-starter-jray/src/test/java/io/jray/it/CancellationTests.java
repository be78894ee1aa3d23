package io.jray.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskCancelledException;
import io.jray.api.TaskFailedException;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;

import static io.jray.it.Recorded.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** {@code jray.cancel}: tasks not started never run, running ones are interrupted, waiters and dependents fail. */
@ExtendWith(BlockingGate.class)
class CancellationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final TaskOptions NEEDS_ABSENT_RESOURCE = TaskOptions.builder().resource("nowhere", 1).build();

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner nodeWithOneCpu() {
        return redis.node().withUserConfiguration(Arithmetic.class, Blocking.class).withPropertyValues("jray.node.cpus=1");
    }

    @Test
    void aQueuedTaskCancelledFailsItsGetAndItsDependents() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            ObjectRef<Integer> queued = jray.task(Arithmetic::square, 3).options(NEEDS_ABSENT_RESOURCE).remote();
            ObjectRef<Integer> dependent = jray.task(Arithmetic::square, queued).remote();
            await().atMost(TIMEOUT).until(() -> "Q".equals(state(node, queued)));

            assertThat(jray.cancel(queued)).isTrue();

            assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(() -> queued.get(TIMEOUT))
                    .withMessageContaining(queued.id());
            assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> dependent.get(TIMEOUT))
                    .satisfies(e -> {
                        assertThat(e.remoteType()).isEqualTo(TaskCancelledException.class.getName());
                        assertThat(e.failedTaskId()).isEqualTo(queued.id());
                    });
            assertThat(state(node, queued)).isEqualTo("C");
            assertThat(state(node, dependent)).isEqualTo("E");
        });
    }

    @Test
    void aTaskWaitingForItsArgumentsCancelledIsNeverQueued() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            ObjectRef<Integer> blocked = jray.task(Blocking::atGate, 2).remote();
            ObjectRef<Integer> waiting = jray.task(Arithmetic::square, blocked).remote();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();
            await().atMost(TIMEOUT).until(() -> "W".equals(state(node, waiting)));

            assertThat(jray.cancel(waiting)).isTrue();
            Blocking.openGate();

            assertThat(blocked.get(TIMEOUT)).isEqualTo(2);
            assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(() -> waiting.get(TIMEOUT));
            assertThat(state(node, waiting)).isEqualTo("C");
        });
    }

    @Test
    void aRunningTaskCancelledIsInterruptedAndGivesBackItsCpu() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> running = jray.task(Blocking::atGate, 1).remote();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();

            assertThat(jray.cancel(running)).isTrue();

            assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(() -> running.get(TIMEOUT));
            await().atMost(TIMEOUT).until(() -> Blocking.interruptions() == 1);
            assertThat(jray.task(Arithmetic::square, 5).remote().get(TIMEOUT)).as("a task after it, on the only cpu")
                    .isEqualTo(25);
        });
    }

    @Test
    void aTaskQueuedBehindABusyCpuCancelledNeverRuns() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> blocker = jray.task(Blocking::atGate, 0).remote();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();
            ObjectRef<Void> victim = jray.task(Blocking::remember, "cancelled").remote();
            await().atMost(TIMEOUT).until(() -> "Q".equals(state(context.getBean(JRayNode.class), victim)));

            assertThat(jray.cancel(victim)).isTrue();
            Blocking.openGate();
            assertThat(blocker.get(TIMEOUT)).isZero();
            jray.task(Blocking::remember, "after").remote().get(TIMEOUT);

            assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(() -> victim.get(TIMEOUT));
            assertThat(Blocking.remembered()).containsExactly("after");
        });
    }

    @Test
    void aTaskCancelledRightAfterItsSubmissionIsCancelled() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);
            for (int i = 0; i < 20; i++) {
                ObjectRef<Integer> queued = jray.task(Arithmetic::square, i).options(NEEDS_ABSENT_RESOURCE).remote();

                assertThat(jray.cancel(queued)).as("cancel of task %d just submitted", i).isTrue();
                assertThatExceptionOfType(TaskCancelledException.class).isThrownBy(() -> queued.get(TIMEOUT));
            }
        });
    }

    @Test
    void cancelOfASettledObjectChangesNothing() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> done = jray.task(Arithmetic::square, 4).remote();
            assertThat(done.get(TIMEOUT)).isEqualTo(16);
            ObjectRef<Integer> put = jray.put(8);
            ObjectRef<Integer> cancelled = jray.task(Arithmetic::square, 1).options(NEEDS_ABSENT_RESOURCE).remote();
            JRayNode node = context.getBean(JRayNode.class);
            await().atMost(TIMEOUT).until(() -> "Q".equals(state(node, cancelled)));
            assertThat(jray.cancel(cancelled)).isTrue();

            assertThat(jray.cancel(done)).isFalse();
            assertThat(jray.cancel(put)).isFalse();
            assertThat(jray.cancel(cancelled)).as("cancelled twice").isFalse();
            assertThat(jray.task(Arithmetic::square, done).remote().get(TIMEOUT)).isEqualTo(256);
            assertThat(put.get(TIMEOUT)).isEqualTo(8);
        });
    }
}
