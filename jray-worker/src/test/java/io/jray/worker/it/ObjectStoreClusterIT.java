package io.jray.worker.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.jray.api.JRay;
import io.jray.api.ObjectLostException;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.runtime.control.Keys;
import io.jray.runtime.core.ObjectId;
import io.jray.test.WorkerProcess;
import io.jray.worker.it.tasks.BlobTasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The object store across processes: large results made by worker JVMs and read by the test JVM on
 * the same host (mapped) and across simulated hosts (pulled over the endpoint), and rebuilt after
 * the only holder is killed with SIGKILL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectStoreClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int MIB = 1 << 20;

    private Cluster cluster;
    private JRay jray;
    private Keys keys;

    @BeforeAll
    void startCluster() {
        cluster = new Cluster();
        cluster.startWorkers(1, "--jray.node.resources.near=10");
        cluster.startWorkers(1, "--jray.node.host-id=far-host", "--jray.node.resources.far=10");
        jray = cluster.startDriver("jray.job.retention=2s");
        keys = cluster.node().control().keys();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    private static TaskOptions on(String resource) {
        return TaskOptions.builder().resource(resource, 1).build();
    }

    private String holdersKey(ObjectRef<?> ref) {
        ObjectId id = ObjectId.parse(ref.id());
        return keys.holders(id.job(), id.id());
    }

    @Test
    void a256MibResultIsReadByAnotherJvmOnTheSameHostWithoutPassingThroughRedis() {
        long redisBefore = cluster.redis.usedMemory();

        ObjectRef<byte[]> ref = jray.task(BlobTasks::bytes, 256 * MIB, 1).options(on("near")).remote();
        byte[] value = jray.get(ref, TIMEOUT);

        assertThat(BlobTasks.crc(value)).isEqualTo(BlobTasks.crc(BlobTasks.pattern(256 * MIB, 1)));
        assertThat(cluster.redis.usedMemory() - redisBefore).as("growth of Redis's memory, bytes").isLessThan(8L * MIB);
        assertThat(cluster.node().objects().store().objectCount()).as("copies in the reader's own store").isZero();
        assertThat(cluster.redis.commands().smembers(holdersKey(ref))).hasSize(1);
    }

    @Test
    void aReaderOnAnotherHostPullsTheObjectWithTheTokenAndIsListedAsASecondHolder() throws Exception {
        ObjectRef<byte[]> ref = jray.task(BlobTasks::bytes, 64 * MIB, 2).options(on("far")).remote();
        byte[] value = jray.get(ref, TIMEOUT);

        assertThat(BlobTasks.crc(value)).isEqualTo(BlobTasks.crc(BlobTasks.pattern(64 * MIB, 2)));
        assertThat(cluster.node().objects().store().contains(ObjectId.parse(ref.id()))).isTrue();
        assertThat(cluster.redis.commands().smembers(holdersKey(ref))).hasSize(2)
                .contains(cluster.node().identity().id());

        String maker = cluster.redis.commands().smembers(holdersKey(ref)).stream()
                .filter(node -> !node.equals(cluster.node().identity().id())).findFirst().orElseThrow();
        String endpoint = cluster.redis.commands().hget(keys.node(maker), "endpoint");
        ObjectId id = ObjectId.parse(ref.id());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/jray/objects/" + id.job() + "/" + id.id()))
                .GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> refused = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("a request without the cluster token").isEqualTo(401);
        }
    }

    @Test
    void droppedRefsLeaveNeitherSegmentFilesNorRedisKeysBehind() throws IOException {
        cluster.startWorkers(1, "--jray.node.resources.fresh=10");
        String[] made = makeReadAndDrop();
        ObjectId id = ObjectId.parse(made[0]);
        Path folder = Path.of(cluster.redis.commands().hget(keys.node(made[1]), "objects"));
        String record = keys.record(id.job(), id.id());

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            System.gc();
            assertThat(fileCount(folder)).as("files in " + folder).isZero();
            assertThat(cluster.redis.commands().exists(record, keys.holders(id.job(), id.id()))).isZero();
        });
    }

    /** A 32 MiB result made on the fresh worker, read here; returns its id and holder, the ref dropped. */
    private String[] makeReadAndDrop() throws IOException {
        ObjectRef<byte[]> ref = jray.task(BlobTasks::bytes, 32 * MIB, 5).options(on("fresh")).remote();
        assertThat(BlobTasks.crc(ref.get(TIMEOUT))).isEqualTo(BlobTasks.crc(BlobTasks.pattern(32 * MIB, 5)));
        String holder = cluster.redis.commands().smembers(holdersKey(ref)).iterator().next();
        assertThat(fileCount(Path.of(cluster.redis.commands().hget(keys.node(holder), "objects")))).isOne();
        return new String[] {ref.id(), holder};
    }

    @Test
    void oneGibPutInARowThroughA256MibStoreIsReadBackWhole() throws IOException {
        cluster.startWorkers(1, "--jray.node.resources.small=10", "--jray.object.store-limit=256MB");

        List<ObjectRef<byte[]>> refs = jray.task(BlobTasks::putMany, 16, 64 * MIB).options(on("small")).remote()
                .get(TIMEOUT);

        assertThat(refs).hasSize(16);
        String holder = cluster.redis.commands().smembers(holdersKey(refs.getFirst())).iterator().next();
        String spill = cluster.redis.commands().hget(keys.node(holder), "spill");
        assertThat(fileCount(Path.of(spill))).as("objects spilled to disk").isGreaterThanOrEqualTo(12);
        for (int i = 0; i < refs.size(); i++) {
            assertThat(BlobTasks.crc(refs.get(i).get(TIMEOUT))).as("object " + i)
                    .isEqualTo(BlobTasks.crc(BlobTasks.pattern(64 * MIB, i)));
        }
    }

    /** Object files in a folder, not counting its owner's lock file ({@code .owner}). */
    private static long fileCount(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().equals(".owner")).count();
        }
    }

    @Test
    void whenTheOnlyHolderIsKilledTheResultIsRebuiltAndALostPutFailsClearly() {
        WorkerProcess victim = cluster.startWorkers(1, "--jray.node.resources.victim=10").getFirst();
        TaskOptions onVictim = on("victim");
        assertThat(jray.task(BlobTasks::pid).options(onVictim).remote().get(TIMEOUT)).isEqualTo(victim.pid());
        ObjectRef<byte[]> made = jray.task(BlobTasks::bytes, 32 * MIB, 3).options(onVictim).remote();
        ObjectRef<byte[]> put = jray.task(BlobTasks::putHere, 32 * MIB, 4).options(onVictim).remote().get(TIMEOUT);
        assertThat(jray.wait(java.util.List.of(made), 1, TIMEOUT).ready()).hasSize(1);

        long nodes = cluster.nodes();
        victim.kill();
        await().atMost(TIMEOUT).until(() -> cluster.nodes() == nodes - 1);
        cluster.startWorkers(1, "--jray.node.resources.victim=10");

        assertThat(BlobTasks.crc(made.get(TIMEOUT))).isEqualTo(BlobTasks.crc(BlobTasks.pattern(32 * MIB, 3)));
        ObjectId id = ObjectId.parse(made.id());
        assertThat(cluster.redis.commands().hget(keys.record(id.job(), id.id()), "rb")).as("rebuilds").isEqualTo("1");
        assertThatExceptionOfType(ObjectLostException.class).isThrownBy(() -> put.get(TIMEOUT))
                .withMessageContaining("cannot be rebuilt");
    }
}
