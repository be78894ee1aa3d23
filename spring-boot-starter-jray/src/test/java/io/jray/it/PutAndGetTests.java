package io.jray.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import static org.awaitility.Awaitility.await;

/** Values in the cluster: put, get, lists of refs, futures; small, large and structured values. */
class PutAndGetTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner node() {
        return redis.node().withUserConfiguration(Arithmetic.class);
    }

    @Test
    void putValuesAreReadyAtOnceAndGetReturnsThem() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Integer> number = jray.put(42);
            ObjectRef<String> text = jray.put("grüße ✓");
            ObjectRef<Point> point = jray.put(new Point(3, 4));
            ObjectRef<Map<String, List<Point>>> nested = jray.put(Map.of("path", List.of(new Point(1, 2))));

            assertThat(number.isReady()).isTrue();
            assertThat(number.id()).matches("[a-z0-9]+/[a-z0-9.]+");
            assertThat(jray.get(number)).isEqualTo(42);
            assertThat(text.get()).isEqualTo("grüße ✓");
            assertThat(point.get(TIMEOUT)).isEqualTo(new Point(3, 4));
            assertThat(nested.get()).isEqualTo(Map.of("path", List.of(new Point(1, 2))));
        });
    }

    @Test
    void aPutValueIsRecordedInRedisAsAFinishedObjectOfTheDriversJob() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);

            ObjectRef<Integer> ref = jray.put(7);

            ObjectId id = ObjectId.parse(ref.id());
            assertThat(id.job()).isEqualTo(node.driverJob());
            TaskInfo info = await().atMost(TIMEOUT).until(() -> node.records().find(id), Objects::nonNull);
            assertThat(info.state()).isEqualTo("F");
            assertThat(info.isTask()).isFalse();
        });
    }

    @Test
    void aPutValueIsAnArgumentLikeAnyOther() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Point> moved = jray.task(Arithmetic::move, jray.put(new Point(1, 1)), 5).remote();

            assertThat(moved.get(TIMEOUT)).isEqualTo(new Point(6, 1));
        });
    }

    @Test
    void largeValuesTravelAsObjectsOfTheirOwnAndComeBackIntact() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            byte[] large = new byte[300_000];
            Arrays.fill(large, (byte) 3);
            large[large.length - 1] = 9;

            ObjectRef<Integer> length = jray.task(Arithmetic::length, large).remote();
            ObjectRef<byte[]> stored = jray.put(large);
            ObjectRef<Object> echoed = jray.task(Arithmetic::anything, (Object) large).remote();

            assertThat(length.get(TIMEOUT)).isEqualTo(300_000);
            assertThat(stored.get(TIMEOUT)).isEqualTo(large);
            assertThat(echoed.get(TIMEOUT)).isEqualTo(large);
        });
    }

    @Test
    void anArgumentAboveTheInlineThresholdIsStoredAsAnObjectOfItsOwnThatTheTaskDependsOn() {
        node().withPropertyValues("jray.object.inline-threshold=1KB").run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            ObjectRef<Integer> small = jray.task(Arithmetic::length, new byte[16]).remote();
            assertThat(small.get(TIMEOUT)).isEqualTo(16);
            String records = node.control().keys().records(node.driverJob());
            assertThat(redis.redis().commands().zcard(records)).as("records of a task with a small argument").isOne();

            ObjectRef<Integer> large = jray.task(Arithmetic::length, new byte[4096]).remote();

            assertThat(large.get(TIMEOUT)).isEqualTo(4096);
            TaskInfo task = node.records().find(ObjectId.parse(large.id()));
            assertThat(task.dependencies()).singleElement().satisfies(stored -> await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(node.records().find(stored))
                            .as("its record, freed at once with the task that took it (no dashboard listens)").isNull()));
            assertThat(redis.redis().commands().zcard(records))
                    .as("records indexed: the stored argument was freed with the task that took it").isEqualTo(2);
            assertThat(small.isReady()).isTrue();
        });
    }

    @Test
    void getOfAListReturnsTheValuesInTheOrderOfTheRefs() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = new ArrayList<>();
            IntStream.rangeClosed(1, 20).forEach(i -> refs.add(jray.task(Arithmetic::square, i).remote()));
            refs.add(jray.put(-1));

            List<Integer> values = jray.get(refs);

            assertThat(values).hasSize(21).startsWith(1, 4, 9, 16).endsWith(400, -1);
            assertThat(jray.get(refs, TIMEOUT)).isEqualTo(values);
        });
    }

    @Test
    void getOfAListThrowsTheFailureOfAnyOfItsTasks() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = List.of(jray.task(Arithmetic::square, 2).remote(),
                    jray.task(Arithmetic::fail, "second of three").remote(), jray.task(Arithmetic::square, 3).remote());

            assertThatExceptionOfType(TaskFailedException.class).isThrownBy(() -> jray.get(refs, TIMEOUT))
                    .satisfies(e -> assertThat(e.taskId()).isEqualTo(refs.get(1).id()))
                    .withMessageContaining("second of three");
        });
    }

    @Test
    void aValueIsFetchedOnceAndSharedByLaterGets() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Point> ref = jray.task(Arithmetic::move, new Point(0, 0), 1).remote();

            Point first = ref.get(TIMEOUT);

            assertThat(ref.get()).isSameAs(first);
            assertThat(jray.get(ref)).isSameAs(first);
            assertThat(ref.isReady()).isTrue();
        });
    }

    @Test
    void toFutureCompletesWithTheValueOrTheFailure() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            assertThat(jray.task(Arithmetic::echo, "future").remote().toFuture())
                    .succeedsWithin(TIMEOUT).isEqualTo("future");
            assertThat(jray.task(Arithmetic::fail, "future failure").remote().toFuture())
                    .failsWithin(TIMEOUT).withThrowableThat().havingCause()
                    .isInstanceOf(TaskFailedException.class).withMessageContaining("future failure");
        });
    }
}
