package io.jray.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.Keys;
import io.jray.runtime.core.ObjectId;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A driver that submits only, a worker node that runs its tasks, and what happens to the driver's
 * job when the driver leaves: its tasks stop and its records are retired.
 */
@ExtendWith(BlockingGate.class)
class JobEndTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private final String namespace = TestRedis.uniqueNamespace();

    private ApplicationContextRunner worker() {
        return redis.node(namespace).withUserConfiguration(Arithmetic.class, Blocking.class);
    }

    private ApplicationContextRunner submitOnlyDriver() {
        return redis.node(namespace).withUserConfiguration(Arithmetic.class, Blocking.class)
                .withPropertyValues("jray.worker.enabled=false", "jray.job.retention=10m");
    }

    @Test
    void theTasksOfASubmitOnlyDriverRunOnAWorkerNode() {
        worker().run(workerContext -> submitOnlyDriver().run(driverContext -> {
            JRayNode driver = driverContext.getBean(JRayNode.class);

            ObjectRef<Integer> ref = driverContext.getBean(JRay.class).task(Arithmetic::square, 6).remote();

            assertThat(ref.get(TIMEOUT)).isEqualTo(36);
            assertThat(driver.records().find(ObjectId.parse(ref.id())).node())
                    .isEqualTo(workerContext.getBean(JRayNode.class).identity().id());
        }));
    }

    @Test
    void whenTheDriverLeavesItsTaskRunningOnAWorkerIsInterruptedAndItsRecordsAreRetired() {
        worker().run(workerContext -> {
            Keys keys = workerContext.getBean(JRayNode.class).control().keys();
            ObjectId[] running = new ObjectId[1];
            ObjectId[] done = new ObjectId[1];

            submitOnlyDriver().run(driverContext -> {
                JRay jray = driverContext.getBean(JRay.class);
                ObjectRef<Integer> finished = jray.task(Arithmetic::square, 3).remote();
                assertThat(finished.get(TIMEOUT)).isEqualTo(9);
                done[0] = ObjectId.parse(finished.id());
                running[0] = ObjectId.parse(jray.task(Blocking::atGate, 1).remote().id());
                assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();
            });

            await().atMost(TIMEOUT).until(() -> Blocking.interruptions() == 1);
            String job = done[0].job();
            assertThat(redis.redis().commands().sismember(keys.jobs(), job)).as("job still active").isFalse();
            assertThat(redis.redis().commands().hget(keys.record(job, running[0].id()), "st")).isEqualTo("C");
            String record = keys.record(job, done[0].id());
            assertThat(redis.redis().commands().hget(record, "st")).isEqualTo("F");
            assertThat(redis.redis().commands().hexists(record, "v")).as("value kept after the job ended").isFalse();
            assertThat(redis.redis().commands().pttl(record)).as("expiry of the record, ms")
                    .isBetween(1L, Duration.ofMinutes(10).toMillis());
        });
    }
}
