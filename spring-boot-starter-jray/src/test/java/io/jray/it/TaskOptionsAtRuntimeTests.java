package io.jray.it;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskFailedException;
import io.jray.api.TaskOptions;
import io.jray.api.TaskTimeoutException;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.TaskRecords.TaskInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the options of a call do when it runs: timeouts, retries of exceptions, names. */
class TaskOptionsAtRuntimeTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner node() {
        return redis.node().withUserConfiguration(Arithmetic.class, Flaky.class);
    }

    @BeforeEach
    void resetAttempts() {
        Flaky.reset();
    }

    @Test
    void aTaskRunningPastItsTimeoutIsInterruptedAndFailsWithTaskTimeoutException() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Long> slow = jray.task(Arithmetic::sleepAndReturn, 60_000L)
                    .options(TaskOptions.builder().timeout(Duration.ofMillis(300)).build()).remote();

            assertThatExceptionOfType(TaskTimeoutException.class).isThrownBy(() -> slow.get(TIMEOUT)).satisfies(e -> {
                assertThat(e).as("caught as a TaskFailedException too").isInstanceOf(TaskFailedException.class);
                assertThat(e.taskId()).isEqualTo(slow.id());
                assertThat(e.remoteType()).isEqualTo(TaskTimeoutException.class.getName());
                assertThat(e.getCause().remoteMessage()).contains("Arithmetic#sleepAndReturn(long)")
                        .contains("timeout of 300 ms");
            });
            ObjectRef<Long> after = jray.task(Arithmetic::sleepAndReturn, slow).remote();
            assertThatExceptionOfType(TaskTimeoutException.class).as("a dependent fails with its dependency's timeout")
                    .isThrownBy(() -> after.get(TIMEOUT)).satisfies(e -> {
                        assertThat(e.taskId()).isEqualTo(after.id());
                        assertThat(e.failedTaskId()).isEqualTo(slow.id());
                    });
        });
    }

    @Test
    void aTaskWithinItsTimeoutSucceeds() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Long> quick = jray.task(Arithmetic::sleepAndReturn, 10L)
                    .options(TaskOptions.builder().timeout(Duration.ofSeconds(20)).build()).remote();

            assertThat(quick.get(TIMEOUT)).isEqualTo(10L);
        });
    }

    @Test
    void retryExceptionsRunsAFlakyTaskAgainUntilItSucceeds() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Integer> ref = jray.task(Flaky::succeedOnAttempt, 3)
                    .options(TaskOptions.builder().retryExceptions(true).maxRetries(3).build()).remote();

            assertThat(ref.get(TIMEOUT)).isEqualTo(3);
            assertThat(Flaky.attempts()).isEqualTo(3);
            TaskInfo info = Recorded.info(context.getBean(JRayNode.class), ref);
            assertThat(info.state()).isEqualTo("F");
            assertThat(info.attempt()).isEqualTo(3);
        });
    }

    @Test
    void withoutRetryExceptionsAnExceptionFailsTheTaskAtOnce() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Integer> noRetries = jray.task(Flaky::succeedOnAttempt, 2)
                    .options(TaskOptions.builder().maxRetries(0).build()).remote();
            assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> noRetries.get(TIMEOUT))
                    .withMessageContaining("attempt 1 fails");
            assertThat(Flaky.attempts()).isEqualTo(1);

            Flaky.reset();
            ObjectRef<Integer> defaults = jray.task(Flaky::succeedOnAttempt, 2).remote();
            assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> defaults.get(TIMEOUT))
                    .as("default options retry node deaths only");
            assertThat(Flaky.attempts()).isEqualTo(1);
        });
    }

    @Test
    void retriesStopAtMaxRetriesAndTheLastErrorIsReported() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Integer> ref = jray.task(Flaky::rejectAlways)
                    .options(TaskOptions.builder().retryExceptions(true).maxRetries(2).build()).remote();

            assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> ref.get(TIMEOUT))
                    .satisfies(e -> assertThat(e.remoteType()).isEqualTo(IllegalArgumentException.class.getName()))
                    .withMessageContaining("attempt 3 rejected");
            assertThat(Flaky.attempts()).isEqualTo(3);
            assertThat(Recorded.info(context.getBean(JRayNode.class), ref).attempt()).isEqualTo(3);
        });
    }

    @Test
    void onlyTheListedExceptionTypesAndTheirSubtypesAreRetried() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Integer> notListed = jray.task(Flaky::succeedOnAttempt, 2)
                    .options(TaskOptions.builder().retryExceptions(IllegalArgumentException.class).build()).remote();
            assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> notListed.get(TIMEOUT));
            assertThat(Flaky.attempts()).as("IllegalStateException is not retried").isEqualTo(1);

            Flaky.reset();
            ObjectRef<Integer> superType = jray.task(Flaky::succeedOnAttempt, 2)
                    .options(TaskOptions.builder().retryExceptions(RuntimeException.class).build()).remote();
            assertThat(superType.get(TIMEOUT)).isEqualTo(2);
        });
    }

    @Test
    void theNameOfATaskAppearsInItsFailure() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Integer> ref = jray.task(Arithmetic::fail, "named")
                    .options(TaskOptions.builder().name("nightly-report").build()).remote();

            assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> ref.get(TIMEOUT))
                    .withMessageStartingWith("Task nightly-report [" + ref.id() + "] failed");
        });
    }
}
