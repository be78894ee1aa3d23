package io.jray.it;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskFailedException;
import io.jray.it.Arithmetic.Point;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.TaskRecords.TaskInfo;
import io.jray.runtime.core.ObjectId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The injected {@code @RemoteTask} bean is a distributed proxy: a plain call runs as a task and
 * waits, a method returning CompletableFuture returns at once, and the worker calls the bean itself.
 */
@ExtendWith(BlockingGate.class)
class RemoteTaskProxyTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner node() {
        return redis.node().withUserConfiguration(Arithmetic.class, Blocking.class);
    }

    @Test
    void theInjectedBeanIsAProxyOfItsClass() {
        node().run(context -> {
            Arithmetic arithmetic = context.getBean(Arithmetic.class);

            assertThat(AopUtils.isAopProxy(arithmetic)).isTrue();
            assertThat(AopUtils.getTargetClass(arithmetic)).isEqualTo(Arithmetic.class);
        });
    }

    @Test
    void aPlainCallRunsAsATaskOfTheDriversJobAndReturnsItsResult() {
        node().run(context -> {
            Blocking blocking = context.getBean(Blocking.class);
            JRayNode node = context.getBean(JRayNode.class);

            String taskId = blocking.whereAmI();

            assertThat(taskId).as("the task the call ran as").isNotNull();
            ObjectId id = ObjectId.parse(taskId);
            assertThat(id.job()).isEqualTo(node.driverJob());
            TaskInfo info = node.records().find(id);
            assertThat(info.function()).isEqualTo(Blocking.class.getName() + "#whereAmI()");
            assertThat(info.state()).isEqualTo("F");
            assertThat(info.node()).isEqualTo(node.identity().id());
        });
    }

    @Test
    void aWorkerRunningATaskCallsTheBeanItselfNotTheProxyAgain() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<String> ref = jray.task(Blocking::whereAmI).remote();

            assertThat(ref.get(TIMEOUT)).as("the id seen by the running method").isEqualTo(ref.id());
        });
    }

    @Test
    void argumentsAndResultsOfPlainCallsTravelLikeThoseOfTasks() {
        node().run(context -> {
            Arithmetic arithmetic = context.getBean(Arithmetic.class);

            assertThat(arithmetic.add(2, 3)).isEqualTo(5);
            assertThat(arithmetic.move(new Point(1, 2), 3)).isEqualTo(new Point(4, 2));
            assertThat(arithmetic.echo(null)).isNull();
        });
    }

    @Test
    void aMethodReturningCompletableFutureReturnsAtOnceAndCompletesWhenTheTaskDoes() {
        node().run(context -> {
            Blocking blocking = context.getBean(Blocking.class);

            CompletableFuture<Integer> future = blocking.atGateLater(11);

            assertThat(future).isNotDone();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).as("the task runs meanwhile").isTrue();
            assertThat(future).isNotDone();
            Blocking.openGate();
            assertThat(future).succeedsWithin(TIMEOUT).isEqualTo(11);
        });
    }

    @Test
    void aVoidMethodRunsAsATaskAndTheCallWaitsForIt() {
        node().run(context -> {
            Blocking blocking = context.getBean(Blocking.class);
            JRay jray = context.getBean(JRay.class);

            blocking.remember("through the proxy");
            ObjectRef<Void> ref = jray.task(Blocking::remember, "through jray").remote();

            assertThat(Blocking.remembered()).as("visible as soon as the plain call returned")
                    .contains("through the proxy");
            assertThat(ref.get(TIMEOUT)).isNull();
            assertThat(Blocking.remembered()).containsExactly("through the proxy", "through jray");
            assertThat(jray.task(Arithmetic::nothing).remote().get(TIMEOUT)).isNull();
        });
    }

    @Test
    void anExceptionOfAPlainCallArrivesAsTaskFailedException() {
        node().run(context -> {
            Arithmetic arithmetic = context.getBean(Arithmetic.class);

            assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> arithmetic.fail("via proxy"))
                    .satisfies(e -> assertThat(e.remoteType()).isEqualTo(IllegalStateException.class.getName()))
                    .withMessageContaining("via proxy");
        });
    }

    @Test
    void methodsOfObjectAreNotRemote() {
        node().run(context -> {
            Arithmetic arithmetic = context.getBean(Arithmetic.class);
            JRayNode node = context.getBean(JRayNode.class);
            String job = node.driverJob();
            String records = node.control().keys().records(job);

            assertThat(arithmetic.toString()).startsWith(Arithmetic.class.getName());
            assertThat(arithmetic.equals(arithmetic)).isTrue();
            arithmetic.add(1, 1);

            assertThat(redis.redis().commands().zcard(records)).as("records of the job: only add").isEqualTo(1);
        });
    }
}
