package io.jray.it;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationContext;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.Keys;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.store.ObjectStore;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reference counting by owner: once the refs to an object are unreachable and no unsettled task
 * takes it, its segment file, its holder set and its value go, and its record expires after the
 * retention time (one second here). Refs that escaped inside a value are pinned until the job ends.
 */
class ObjectFreeingTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MIB = 1 << 20;

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private static RedisCommands<String, String> commands() {
        return redis.redis().commands();
    }

    private static JRayNode node(ApplicationContext context) {
        return context.getBean(JRayNode.class);
    }

    private static String record(JRayNode node, ObjectId id) {
        return node.control().keys().record(id.job(), id.id());
    }

    private static long filesIn(ObjectStore store) throws Exception {
        long count = 0;
        for (var folder : List.of(store.folder(), store.spillFolder())) {
            if (Files.isDirectory(folder)) {
                try (Stream<?> files = Files.list(folder)) {
                    count += files.count();
                }
            }
        }
        return count;
    }

    /** Runs GCs until the condition holds, so the refs' cleaners run. */
    private static void awaitAfterGc(ThrowingRunnable assertion) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            System.gc();
            assertion.run();
        });
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void droppedRefsFreeSegmentFilesAndRedisKeysOfPutsResultsAndLargeArguments() {
        redis.node().withUserConfiguration(Blobs.class).withPropertyValues("jray.job.retention=1s").run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = node(context);
            ObjectStore store = node.objects().store();
            long baseline = filesIn(store);

            List<ObjectId> ids = useLargeObjectsAndDropTheirRefs(jray);

            assertThat(ids).hasSize(6);
            awaitAfterGc(() -> {
                assertThat(filesIn(store)).as("object files").isEqualTo(baseline);
                assertThat(store.objectCount()).isZero();
                for (ObjectId id : ids) {
                    assertThat(commands().exists(record(node, id), node.control().keys().holders(id.job(), id.id())))
                            .as("keys of " + id).isZero();
                }
            });
        });
    }

    /** Puts, task results and a large argument stored apart; returns their ids, every ref dropped. */
    private static List<ObjectId> useLargeObjectsAndDropTheirRefs(JRay jray) {
        List<ObjectRef<?>> refs = new ArrayList<>();
        byte[] big = Blobs.pattern(2 * MIB, 7);
        ObjectRef<byte[]> put = jray.put(big);
        ObjectRef<byte[]> made = jray.task(Blobs::bytes, 3 * MIB, 1).remote();
        ObjectRef<Long> ofPut = jray.task(Blobs::checksum, put).remote();
        ObjectRef<Long> ofMade = jray.task(Blobs::checksum, made).remote();
        ObjectRef<Long> ofInline = jray.task(Blobs::checksum, big).remote();
        refs.addAll(List.of(put, made, ofPut, ofMade, ofInline));
        assertThat(ofPut.get(TIMEOUT)).isEqualTo(Blobs.crc(big));
        assertThat(ofInline.get(TIMEOUT)).isEqualTo(Blobs.crc(big));
        assertThat(ofMade.get(TIMEOUT)).isEqualTo(Blobs.crc(Blobs.pattern(3 * MIB, 1)));
        List<ObjectId> ids = new ArrayList<>(refs.stream().map(ref -> ObjectId.parse(ref.id())).toList());
        ids.add(ObjectId.parse(jray.put(new byte[10]).id()));
        return ids;
    }

    @Test
    void theNodeHoldingAFreedResultIsToldToDeleteItsCopy() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Blobs.class).withPropertyValues("jray.worker.enabled=false")
                .run(driver -> redis.node(namespace).withUserConfiguration(Blobs.class).run(worker -> {
                    ObjectStore store = node(worker).objects().store();
                    ObjectId id = readAResultMadeElsewhereAndDropIt(driver.getBean(JRay.class));
                    assertThat(store.contains(id)).isTrue();

                    // why: 8 s is shorter than the sweep's 10 s grace, so only the inbox message can delete it in time
                    await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                        System.gc();
                        assertThat(store.contains(id)).as("the worker's copy").isFalse();
                    });
                }));
    }

    private static ObjectId readAResultMadeElsewhereAndDropIt(JRay jray) {
        ObjectRef<byte[]> ref = jray.task(Blobs::bytes, 2 * MIB, 4).remote();
        assertThat(ref.get(TIMEOUT)).hasSize(2 * MIB);
        return ObjectId.parse(ref.id());
    }

    @Test
    void anObjectIsKeptWhileAPendingTaskTakesItEvenWithoutRefs() {
        Blobs.gate = new CountDownLatch(1);
        redis.node().withUserConfiguration(Blobs.class).withPropertyValues("jray.job.retention=1s").run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = node(context);
            byte[] big = Blobs.pattern(MIB, 3);
            ObjectId[] putId = new ObjectId[1];
            ObjectRef<Long> sum = submitAndDropThePut(jray, big, putId);
            String key = record(node, putId[0]);

            awaitAfterGc(() -> assertThat(commands().hget(key, "rl")).as("released by its owner").isEqualTo("1"));
            assertThat(commands().hget(key, "lg")).as("still stored: a pending task takes it").isEqualTo("1");
            assertThat(node.objects().store().contains(putId[0])).isTrue();

            Blobs.gate.countDown();
            assertThat(sum.get(TIMEOUT)).isEqualTo(Blobs.crc(big));
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(commands().exists(key)).as("record after the retention time").isZero();
                assertThat(node.objects().store().contains(putId[0])).isFalse();
            });
        });
    }

    private static ObjectRef<Long> submitAndDropThePut(JRay jray, byte[] big, ObjectId[] putId) {
        ObjectRef<byte[]> put = jray.put(big);
        putId[0] = ObjectId.parse(put.id());
        return jray.task(Blobs::checksumWhenOpen, put).remote();
    }

    @Test
    void aRefInsideAValueIsPinnedUntilTheJobEnds() {
        redis.node().withPropertyValues("jray.job.retention=1s").run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = node(context);
            ObjectId[] ids = putANestedRefAndDropBoth(jray);
            String inner = record(node, ids[0]);
            String outer = record(node, ids[1]);

            awaitAfterGc(() -> assertThat(commands().exists(outer)).as("the outer value's record").isZero());
            assertThat(commands().hget(inner, "v")).as("the value its ref escaped into kept it").isNotNull();
            assertThat(commands().hget(inner, "rl")).isNull();
        });
    }

    private static ObjectId[] putANestedRefAndDropBoth(JRay jray) {
        ObjectRef<String> inner = jray.put("inner");
        ObjectRef<List<ObjectRef<String>>> outer = jray.put(List.of(inner));
        return new ObjectId[] {ObjectId.parse(inner.id()), ObjectId.parse(outer.id())};
    }

    @Test
    void aDriverSubmittingManyTasksKeepsRedisFlat() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Arithmetic.class).withPropertyValues("jray.job.retention=1s")
                .run(context -> {
                    JRay jray = context.getBean(JRay.class);
                    int total = 0;
                    for (int round = 0; round < 20; round++) {
                        total += runAndDrop(jray, 1000);
                    }
                    assertThat(total).isEqualTo(20 * 1000 * 2);
                    Keys keys = node(context).control().keys();
                    String job = node(context).driverJob();
                    awaitAfterGc(() -> {
                        assertThat(commands().zcard(keys.records(job))).as("records indexed in the job").isLessThan(100);
                        assertThat(countKeys(keys.job(job) + "o:*")).as("records in Redis").isLessThan(100);
                    });
                });
    }

    private static int runAndDrop(JRay jray, int tasks) {
        List<ObjectRef<Integer>> refs = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            refs.add(jray.task(Arithmetic::add, i, 2).remote());
        }
        int sum = 0;
        for (int i = 0; i < tasks; i++) {
            sum += refs.get(i).get(TIMEOUT) - i;
        }
        return sum;
    }

    private static long countKeys(String pattern) {
        long count = 0;
        ScanIterator<String> keys = ScanIterator.scan(commands(), ScanArgs.Builder.matches(pattern).limit(1000));
        while (keys.hasNext()) {
            keys.next();
            count++;
        }
        return count;
    }
}
