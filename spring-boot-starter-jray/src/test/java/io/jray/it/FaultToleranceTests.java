package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.jray.api.ActorHandle;
import io.jray.api.ActorOptions;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskCancelledException;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.Keys;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a real cluster does that a calm one does not: registrations that lapse while the node lives,
 * garbage in queues and inboxes, jobs that end under a waiter of another node.
 */
class FaultToleranceTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    /** Submits the squares of 0 to {@code n - 1}. */
    private static List<ObjectRef<Integer>> squares(JRay jray, int n) {
        return IntStream.range(0, n).mapToObj(i -> jray.task(Arithmetic::square, i).remote()).toList();
    }

    private static RedisCommands<String, String> commands() {
        return redis.redis().commands();
    }

    @Test
    void aNodeWhoseRegistrationLapsedJoinsAgainAsANewEpochAndItsActorRestartsAsANewInstance() {
        redis.node().withUserConfiguration(Counter.class, Arithmetic.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            Keys keys = node.control().keys();
            String id = node.identity().id();
            ActorHandle<Counter> counter = jray.actor(Counter.class)
                    .options(ActorOptions.builder().maxRestarts(1).build()).remote();
            assertThat(counter.task(Counter::add, 5).remote().get(TIMEOUT)).isEqualTo(5);
            String epoch = commands().hget(keys.node(id), "ep");

            commands().del(keys.node(id));

            await().atMost(TIMEOUT).until(() -> {
                String now = commands().hget(keys.node(id), "ep");
                return now != null && Long.parseLong(now) > Long.parseLong(epoch);
            });
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(counter.task(Counter::value).remote().get(TIMEOUT))
                    .as("the restarted instance starts from zero").isZero());
            assertThat(counter.task(Counter::add, 2).remote().get(TIMEOUT)).isEqualTo(2);
            assertThat(jray.task(Arithmetic::square, 7).remote().get(TIMEOUT)).as("tasks go on").isEqualTo(49);
            assertThat(commands().smembers(keys.nodes())).containsExactly(id);
        });
    }

    @Test
    void aMissingRegistrationIsNotADeathWhileItsNodeBeatsAgainWithinTheGrace() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Arithmetic.class).run(first -> redis.node(namespace)
                .withUserConfiguration(Arithmetic.class).run(second -> {
                    JRayNode watcher = first.getBean(JRayNode.class);
                    JRayNode lapsing = second.getBean(JRayNode.class);
                    Keys keys = lapsing.control().keys();
                    JRay jray = second.getBean(JRay.class);
                    String job = lapsing.driverJob();
                    commands().sadd(keys.nodes(), "ghost");

                    commands().del(keys.node(lapsing.identity().id()));

                    await().atMost(TIMEOUT).until(() -> !commands().sismember(keys.nodes(), "ghost"));
                    assertThat(commands().sismember(keys.nodes(), lapsing.identity().id())).isTrue();
                    assertThat(commands().sismember(keys.jobs(), job)).as("the lapsed node's job lives on").isTrue();
                    assertThat(jray.task(Arithmetic::square, 3).remote().get(TIMEOUT)).isEqualTo(9);
                    assertThat(lapsing.driverJob()).isEqualTo(job);
                    assertThat(watcher.isRunning()).isTrue();
                }));
    }

    @Test
    void malformedQueueEntriesAreSetAsideAndTheTasksAfterThemRun() {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            Keys keys = node.control().keys();
            assertThat(jray.task(Arithmetic::square, 2).remote().get(TIMEOUT)).isEqualTo(4);
            String job = node.driverJob();
            String queue = commands().smembers(keys.shapes(job)).stream().map(shape -> keys.queue(job, shape))
                    .findFirst().orElseThrow();

            commands().xadd(queue, Map.of("t", "tbogus", "a", "first", "s", "x"));
            commands().xadd(queue, Map.of("garbage", "1"));
            List<ObjectRef<Integer>> refs = squares(jray, 200);

            assertThat(jray.get(refs, TIMEOUT)).containsExactlyElementsOf(IntStream.range(0, 200).map(i -> i * i)
                    .boxed().toList());
            await().atMost(TIMEOUT).until(() -> commands().xlen(keys.namespace() + ":poison") == 2);
            assertThat(commands().xpending(queue, "w").getCount()).as("entries left pending").isZero();
        });
    }

    @Test
    void aMalformedInboxMessageIsPassedOverAndNotificationsKeepFlowing() {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            Keys keys = node.control().keys();
            assertThat(jray.task(Arithmetic::square, 2).remote().get(TIMEOUT)).isEqualTo(4);

            commands().xadd(keys.inbox(node.identity().id()), Map.of("m", "cancel", "x", "not/an/id!"));
            commands().xadd(keys.inbox(node.identity().id()), Map.of("m", "kill-actor"));

            List<ObjectRef<Integer>> refs = squares(jray, 100);
            assertThat(jray.get(refs, TIMEOUT)).hasSize(100);
        });
    }

    @Test
    void aQueueKeyOfTheWrongTypeIsPassedOverAndTheOtherQueuesFlow() {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            Keys keys = node.control().keys();
            assertThat(jray.task(Arithmetic::square, 2).remote().get(TIMEOUT)).isEqualTo(4);
            String job = node.driverJob();
            await().atMost(TIMEOUT).until(() -> !commands().smembers(keys.targets(job)).isEmpty());
            String own = keys.job(job) + commands().smembers(keys.targets(job)).iterator().next();

            commands().del(own);
            commands().hset(own, "not", "a stream");
            List<ObjectRef<Integer>> refs = squares(jray, 100);

            assertThat(jray.get(refs, TIMEOUT)).hasSize(100);
            assertThat(node.health().isAvailable()).isTrue();
        });
    }

    @Test
    void aGarbledRecordOrAWrongTypeNotificationStreamLosesNoResult() {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            Keys keys = node.control().keys();
            ObjectRef<Integer> x = jray.put(6);
            await().atMost(TIMEOUT).until(() -> "F".equals(Recorded.state(node, x)));
            String job = node.driverJob();
            commands().hset(keys.record(job, x.id().substring(x.id().indexOf('/') + 1)), "pc", "garbage");
            assertThat(jray.task(Arithmetic::square, x).remote().get(TIMEOUT)).isEqualTo(36);

            String notifications = keys.notifications(job, node.identity().id());
            commands().del(notifications);
            commands().set(notifications, "not a stream");
            ObjectRef<Integer> late = jray.task(Arithmetic::square, 5).remote();

            assertThat(late.get(Duration.ofSeconds(60))).as("found by reconciling, its notification being lost")
                    .isEqualTo(25);
            commands().del(notifications);
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aNodeWarnsWhenRedisWouldEvictItsKeys(CapturedOutput output) {
        commands().configSet("maxmemory-policy", "allkeys-lru");
        try {
            redis.node().run(context -> assertThat(output).contains("maxmemory-policy=allkeys-lru")
                    .contains("Set maxmemory-policy noeviction"));
        }
        finally {
            commands().configSet("maxmemory-policy", "noeviction");
        }
        redis.node().run(context -> assertThat(output.getOut().split("maxmemory-policy=", -1)).hasSize(2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWaiterOfAnotherNodeReturnsWhenTheJobOfItsTaskEnds() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Arithmetic.class).withPropertyValues("jray.worker.enabled=false")
                .run(waiter -> {
                    JRayNode waiterNode = waiter.getBean(JRayNode.class);
                    ObjectRef<Integer>[] borrowed = new ObjectRef[1];
                    redis.node(namespace).withUserConfiguration(Arithmetic.class).run(owner -> {
                        JRay jray = owner.getBean(JRay.class);
                        // why: no node offers 'nowhere', so the task waits until its job ends
                        ObjectRef<Integer> stuck = jray.task(Arithmetic::square, 3)
                                .options(TaskOptions.builder().resource("nowhere", 1).build()).remote();
                        JRayNode ownerNode = owner.getBean(JRayNode.class);
                        // why: a ref looked up before its submission reached Redis reads as lost
                        await().atMost(TIMEOUT).until(() -> "Q".equals(Recorded.state(ownerNode, stuck)));
                        // why: the ref travels to the other node as it would inside a value
                        borrowed[0] = (ObjectRef<Integer>) waiterNode.codec()
                                .decode(owner.getBean(JRayNode.class).codec().encode(stuck));
                        assertThat(waiterNode.jray().wait(List.of(borrowed[0]), 1, Duration.ofMillis(500)).ready())
                                .as("still pending while its job lives").isEmpty();
                    });
                    assertThatThrownBy(() -> borrowed[0].get(Duration.ofSeconds(40)))
                            .isInstanceOf(TaskCancelledException.class).hasMessageContaining("ended");
                });
    }
}
