package io.jray.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.history.HistoryFilter;
import io.jray.runtime.control.history.HistoryIndexer;
import io.jray.runtime.control.history.TaskHistory;
import io.jray.runtime.control.history.TaskHistory.Row;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.function.FunctionId;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The task history: scripts record what they do to tasks in the event stream while an indexer
 * listens, and the indexer keeps bitmaps and rows in Redis that pages filter by state, function
 * and node, newest first; the oldest tasks leave a full history 4096 at a time.
 */
class TaskHistoryTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private static String function(String method, Class<?>... parameters) throws Exception {
        return FunctionId.of(Arithmetic.class, Arithmetic.class.getMethod(method, parameters));
    }

    private static HistoryIndexer listening(JRayNode node, int size) {
        HistoryIndexer indexer = new HistoryIndexer(node.control(), size);
        indexer.start();
        await().atMost(TIMEOUT).until(indexer::isListening);
        assertThat(redis.redis().commands().exists(node.control().keys().eventsListened())).isOne();
        return indexer;
    }

    @Test
    void pagesFilterByStateFunctionAndNodeNewestFirstWithTimingsAndDependents() {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRayNode node = context.getBean(JRayNode.class);
            JRay jray = context.getBean(JRay.class);
            TaskHistory history = new TaskHistory(node.control(), 10_000);
            try (HistoryIndexer indexer = listening(node, 10_000)) {
                List<ObjectRef<Integer>> sums = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    sums.add(jray.task(Arithmetic::add, i, 1).remote());
                }
                List<ObjectRef<Integer>> failures = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    failures.add(jray.task(Arithmetic::fail, "no " + i).remote());
                }
                ObjectRef<Integer> first = jray.task(Arithmetic::square, 3).remote();
                ObjectRef<Integer> second = jray.task(Arithmetic::square, first).remote();
                assertThat(jray.get(second)).isEqualTo(81);
                assertThat(jray.get(sums)).hasSize(30);
                String add = function("add", int.class, int.class);
                String fail = function("fail", String.class);
                String self = node.identity().id();

                await().atMost(TIMEOUT).untilAsserted(() -> {
                    Map<String, Long> counts = history.countsByState();
                    assertThat(counts.get("F")).isEqualTo(32);
                    assertThat(counts.get("E")).isEqualTo(5);
                    assertThat(counts.get("Q") + counts.get("R") + counts.get("W")).isZero();
                });

                TaskHistory.Page failed = history.page(new HistoryFilter("E", null, null), 0, 50);
                assertThat(failed.total()).isEqualTo(5);
                assertThat(failed.rows()).extracting(Row::function).containsOnly(fail);
                assertThat(failed.rows()).extracting(Row::id)
                        .containsExactlyElementsOf(failures.reversed().stream().map(TaskHistoryTests::id).toList());

                TaskHistory.Page adds = history.page(new HistoryFilter("F", add, self), 10, 10);
                assertThat(adds.total()).isEqualTo(30);
                assertThat(adds.rows()).extracting(Row::id).containsExactlyElementsOf(
                        sums.reversed().subList(10, 20).stream().map(TaskHistoryTests::id).toList());
                assertThat(adds.rows()).allSatisfy(row -> {
                    assertThat(row.node()).isEqualTo(self);
                    assertThat(row.startedAt()).isBetween(row.submittedAt(), row.endedAt());
                });
                assertThat(history.page(new HistoryFilter("F", add, "elsewhere"), 0, 10).total()).isZero();
                assertThat(history.page(HistoryFilter.ALL, 0, 500).rows()).hasSize(37)
                        .extracting(Row::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a));

                assertThat(history.seen().functions()).contains(add, fail, function("square", int.class));
                assertThat(history.seen().nodes()).containsExactly(self);
                assertThat(history.dependents(id(first))).containsExactly(id(second));
                assertThat(history.find(id(second))).get().extracting(Row::state).isEqualTo("F");
                long finished = history.throughput(5, System.currentTimeMillis()).values().stream()
                        .mapToLong(counts -> counts[0]).sum();
                assertThat(finished).isEqualTo(32);
            }
        });
    }

    @Test
    void aFullHistoryDropsItsOldestTasksABlockAtATime() {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRayNode node = context.getBean(JRayNode.class);
            JRay jray = context.getBean(JRay.class);
            TaskHistory history = new TaskHistory(node.control(), 8192);
            try (HistoryIndexer indexer = listening(node, 8192)) {
                List<ObjectRef<Integer>> refs = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    refs.add(jray.task(Arithmetic::square, i % 100).remote());
                }
                jray.get(refs);
                await().atMost(TIMEOUT).untilAsserted(
                        () -> assertThat(history.find(id(refs.getLast()))).get().extracting(Row::state).isEqualTo("F"));
                TaskHistory.Page all = history.page(HistoryFilter.ALL, 0, 100);
                // why: the first block (seqs 1..4095) went when seq 8192 took slot 0 of the 8192 slots
                assertThat(all.total()).isEqualTo(10_000 - 4095);
                assertThat(history.countsByState().get("F")).isEqualTo(all.total());
                assertThat(all.rows().getFirst().id()).isEqualTo(id(refs.getLast()));
                assertThat(history.find(id(refs.getFirst()))).isEmpty();
                TaskHistory.Page oldest = history.page(HistoryFilter.ALL, (int) all.total() - 1, 1);
                assertThat(oldest.rows().getFirst().id()).isEqualTo(id(refs.get(10_000 - (int) all.total())));
            }
        });
    }

    @Test
    void aTasksTimelineRecordsEachAttemptWithItsNodeAndTimes() {
        redis.node().withUserConfiguration(Flaky.class).run(context -> {
            JRayNode node = context.getBean(JRayNode.class);
            JRay jray = context.getBean(JRay.class);
            TaskHistory history = new TaskHistory(node.control(), 10_000);
            try (HistoryIndexer indexer = listening(node, 10_000)) {
                Flaky.reset();
                ObjectRef<Integer> ref = jray.task(Flaky::succeedOnAttempt, 3)
                        .options(TaskOptions.builder().retryExceptions(true).maxRetries(3).build()).remote();
                assertThat(jray.get(ref)).isEqualTo(3);

                await().atMost(TIMEOUT).untilAsserted(() -> assertThat(history.timeline(id(ref)))
                        .extracting(TaskHistory.Step::state).containsSubsequence("Q", "X", "Q", "X", "Q", "F"));
                List<TaskHistory.Step> steps = history.timeline(id(ref));
                List<TaskHistory.Step> ends = steps.stream()
                        .filter(step -> step.state().equals("X") || step.state().equals("F")).toList();
                assertThat(ends).hasSize(3).allSatisfy(step -> {
                    assertThat(step.node()).isEqualTo(node.identity().id());
                    assertThat(step.startedAt()).isPositive().isLessThanOrEqualTo(step.at());
                });
                assertThat(steps).extracting(TaskHistory.Step::at).isSorted();
            }
        });
    }

    @Test
    void anotherNodeRecordsTheEventsOfTheTasksItRunsOnceItsHeartbeatFindsTheListener() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Arithmetic.class).run(worker -> redis.node(namespace)
                .withUserConfiguration(Arithmetic.class).withPropertyValues("jray.worker.enabled=false").run(driver -> {
                    JRayNode node = driver.getBean(JRayNode.class);
                    JRay jray = driver.getBean(JRay.class);
                    TaskHistory history = new TaskHistory(node.control(), 10_000);
                    try (HistoryIndexer indexer = listening(node, 10_000)) {
                        List<ObjectRef<Integer>> refs = new ArrayList<>();
                        for (int i = 0; i < 20; i++) {
                            refs.add(jray.task(Arithmetic::square, i).remote());
                        }
                        jray.get(refs);
                        String ranOn = worker.getBean(JRayNode.class).identity().id();
                        await().atMost(TIMEOUT).untilAsserted(() -> {
                            assertThat(history.page(new HistoryFilter("F", null, ranOn), 0, 50).total()).isEqualTo(20);
                            assertThat(history.seen().nodes()).containsExactly(ranOn);
                        });
                    }
                }));
    }

    @Test
    void withoutAListenerScriptsWriteNoEvents() {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRayNode node = context.getBean(JRayNode.class);
            JRay jray = context.getBean(JRay.class);
            assertThat(jray.get(jray.task(Arithmetic::add, 1, 2).remote())).isEqualTo(3);
            assertThat(redis.redis().commands().exists(node.control().keys().events())).isZero();
        });
    }

    @Test
    void badFiltersAndPageSizesAreRefusedWithTheReason() {
        redis.node().run(context -> {
            TaskHistory history = new TaskHistory(context.getBean(JRayNode.class).control(), 100);
            assertThatIllegalArgumentException().isThrownBy(() -> new HistoryFilter("X", null, null))
                    .withMessageContaining("state must be one of").withMessageContaining("'X'");
            assertThatIllegalArgumentException().isThrownBy(() -> new HistoryFilter(null, "a b", null))
                    .withMessageContaining("function must be one word");
            assertThatIllegalArgumentException().isThrownBy(() -> history.page(HistoryFilter.ALL, 0, 0))
                    .withMessageContaining("page size must be between 1 and 500, was 0");
            assertThatIllegalArgumentException().isThrownBy(() -> history.page(HistoryFilter.ALL, -1, 10))
                    .withMessageContaining("offset must be between 0 and 4096");
            assertThat(history.page(HistoryFilter.ALL, 0, 10).total()).isZero();
        });
    }

    private static ObjectId id(ObjectRef<?> ref) {
        return ObjectId.parse(ref.id());
    }
}
