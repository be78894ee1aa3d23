package io.jray.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationContext;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.Keys;
import io.jray.runtime.core.Resources;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Locality: a task whose arguments include large objects is queued for the node holding most of
 * their bytes while that node has free slots, and for any node otherwise. Three nodes on three
 * simulated hosts: a driver, node A (which alone has resource {@code a}, so it makes the object)
 * and node B.
 */
class LocalityTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MIB = 1 << 20;
    private static final TaskOptions ON_A = TaskOptions.builder().resource("a", 1).build();

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private static JRayNode node(ApplicationContext context) {
        return context.getBean(JRayNode.class);
    }

    private interface ThreeNodes {
        void run(JRay jray, JRayNode driver, JRayNode a, JRayNode b) throws Exception;
    }

    private static void onThreeHosts(int cpusOfA, ThreeNodes test) {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Blobs.class)
                .withPropertyValues("jray.worker.enabled=false", "jray.node.host-id=host-0").run(driver -> {
                    redis.node(namespace).withUserConfiguration(Blobs.class).withPropertyValues("jray.node.host-id=host-a",
                            "jray.node.resources.a=1", "jray.node.cpus=" + cpusOfA).run(a -> {
                                redis.node(namespace).withUserConfiguration(Blobs.class)
                                        .withPropertyValues("jray.node.host-id=host-b").run(b -> test.run(
                                                driver.getBean(JRay.class), node(driver), node(a), node(b)));
                            });
                });
    }

    /** Waits until both workers read their own queue of one-CPU tasks in the driver's job. */
    private static void awaitNodeQueues(JRay jray, JRayNode driver, JRayNode a, JRayNode b) {
        assertThat(jray.task(Blobs::checksum, new byte[1]).remote().get(TIMEOUT)).isNotNull();
        String shape = Resources.demand(1, 0, java.util.Map.of()).shape();
        String targets = driver.control().keys().targets(driver.driverJob());
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(redis.redis().commands().smembers(targets))
                .contains(Keys.nodeQueue(shape, a.identity().id()), Keys.nodeQueue(shape, b.identity().id())));
    }

    private static String freeSlots(JRayNode node) {
        return redis.redis().commands().hget(node.control().keys().node(node.identity().id()), "free");
    }

    @Test
    void tasksTakingALargeObjectRunOnTheNodeHoldingItWhileItHasRoom() {
        onThreeHosts(2, (jray, driver, a, b) -> {
            awaitNodeQueues(jray, driver, a, b);
            ObjectRef<byte[]> made = jray.task(Blobs::bytes, 4 * MIB, 9).options(ON_A).remote();
            assertThat(jray.wait(List.of(made), 1, TIMEOUT).ready()).hasSize(1);
            await().atMost(TIMEOUT).until(() -> "2".equals(freeSlots(a)));

            List<ObjectRef<Long>> sums = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sums.add(jray.task(Blobs::checksum, made).remote());
            }

            long expected = Blobs.crc(Blobs.pattern(4 * MIB, 9));
            assertThat(jray.get(sums, TIMEOUT)).containsOnly(expected);
            for (ObjectRef<Long> sum : sums) {
                assertThat(Recorded.info(driver, sum).node()).as("node that ran " + sum).isEqualTo(a.identity().id());
            }
            assertThat(b.objects().store().objectCount()).as("copies pulled by node B").isZero();
        });
    }

    @Test
    void aTaskGoesElsewhereWhenTheHolderHasNoFreeSlot() {
        Blobs.gate = new CountDownLatch(1);
        onThreeHosts(1, (jray, driver, a, b) -> {
            awaitNodeQueues(jray, driver, a, b);
            ObjectRef<byte[]> made = jray.task(Blobs::bytes, 4 * MIB, 4).options(ON_A).remote();
            ObjectRef<Long> holding = jray.task(Blobs::checksumWhenOpen, made).options(ON_A).remote();
            await().atMost(TIMEOUT).until(() -> "0".equals(freeSlots(a)));

            ObjectRef<Long> elsewhere = jray.task(Blobs::checksum, made).remote();

            assertThat(elsewhere.get(TIMEOUT)).isEqualTo(Blobs.crc(Blobs.pattern(4 * MIB, 4)));
            assertThat(Recorded.info(driver, elsewhere).node()).isEqualTo(b.identity().id());
            assertThat(b.objects().store().objectCount()).as("the copy node B pulled").isOne();
            Blobs.gate.countDown();
            assertThat(holding.get(TIMEOUT)).isEqualTo(Blobs.crc(Blobs.pattern(4 * MIB, 4)));
        });
    }
}
