package io.jray.it;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationContext;

import io.jray.api.JRay;
import io.jray.api.ObjectLostException;
import io.jray.api.ObjectRef;
import io.jray.api.ObjectTooLargeException;
import io.jray.runtime.JRayNode;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.store.ObjectFiles;
import io.jray.runtime.store.ObjectStore;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Large values in the object stores of the nodes: placement by size, same-host reads that map the
 * producer's file, pulls across (simulated) hosts over the authenticated endpoint, eviction and
 * spilling under a limit, and lineage when every copy is lost. Nodes are contexts of this JVM;
 * {@code JRayObjectStoreClusterIT} repeats the essentials with worker processes.
 */
class ObjectStoreTests {

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

    private static String record(JRayNode node, ObjectRef<?> ref) {
        ObjectId id = ObjectId.parse(ref.id());
        return node.control().keys().record(id.job(), id.id());
    }

    private static String holders(JRayNode node, ObjectRef<?> ref) {
        ObjectId id = ObjectId.parse(ref.id());
        return node.control().keys().holders(id.job(), id.id());
    }

    @Test
    void aLargePutLivesInTheNodesSegmentFileAndRedisKeepsOnlyItsMetadata() throws Exception {
        redis.node().withUserConfiguration(Blobs.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = node(context);
            byte[] value = Blobs.pattern(16 * MIB, 1);
            long redisBefore = redis.redis().usedMemory();

            ObjectRef<byte[]> ref = jray.put(value);
            ObjectRef<byte[]> small = jray.put(new byte[1000]);

            ObjectStore store = node.objects().store();
            assertThat(store.folder()).startsWith(java.nio.file.Path.of("/dev/shm"));
            assertThat(Files.size(store.folder().resolve(ObjectFiles.fileName(ObjectId.parse(ref.id())))))
                    .isEqualTo(16L * MIB + 16);
            assertThat(jray.get(ref)).isEqualTo(value);
            Map<String, String> record = commands().hgetall(record(node, ref));
            assertThat(record).containsEntry("lg", "1").containsEntry("sz", Long.toString(16L * MIB + 16))
                    .doesNotContainKey("v");
            assertThat(commands().smembers(holders(node, ref))).containsExactly(node.identity().id());
            assertThat(redis.redis().usedMemory() - redisBefore).as("growth of Redis's memory").isLessThan(MIB);
            assertThat(commands().hget(record(node, small), "v")).as("a small value stays inline").isNotNull();
            assertThat(jray.task(Blobs::checksum, ref).remote().get(TIMEOUT)).isEqualTo(Blobs.crc(value));
        });
    }

    @Test
    void segmentsAndBuffersAreHandedOutAsReadOnlyViewsOfTheMappedFile() {
        redis.node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            MemorySegment source = Arena.ofAuto().allocate(4 * MIB);
            for (long i = 0; i < source.byteSize(); i += 8) {
                source.set(ValueLayout.JAVA_LONG, i, i);
            }

            MemorySegment segment = jray.get(jray.put(source));
            ByteBuffer buffer = jray.get(jray.put(ByteBuffer.wrap(new byte[] {1, 2, 3})));

            assertThat(segment.isMapped()).as("a mapped file, not a copy").isTrue();
            assertThat(segment.isReadOnly()).isTrue();
            assertThat(segment.mismatch(source)).isEqualTo(-1);
            assertThat(buffer.isDirect()).isTrue();
            assertThat(buffer.isReadOnly()).isTrue();
            assertThat(buffer.get(2)).isEqualTo((byte) 3);
        });
    }

    @Test
    void aNodeOnTheSameHostMapsTheProducersFileWithoutACopy() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Blobs.class).withPropertyValues("jray.worker.enabled=false").run(driver -> {
            redis.node(namespace).withUserConfiguration(Blobs.class).run(worker -> {
                JRay jray = driver.getBean(JRay.class);

                ObjectRef<double[]> ref = jray.task(Blobs::doubles, 1_000_000).remote();
                double[] values = jray.get(ref, TIMEOUT);

                assertThat(values).hasSize(1_000_000);
                assertThat(values[999_999]).isEqualTo(999_999 * 0.5);
                assertThat(node(driver).objects().store().objectCount()).as("copies in the driver's store").isZero();
                assertThat(commands().smembers(holders(node(driver), ref))).containsExactly(node(worker).identity().id());
            });
        });
    }

    @Test
    void aNodeOnAnotherHostPullsTheObjectOverTheEndpointAndBecomesAHolder() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Blobs.class).withPropertyValues("jray.worker.enabled=false", "jray.node.host-id=host-a").run(driver -> {
            redis.node(namespace).withUserConfiguration(Blobs.class).withPropertyValues("jray.node.host-id=host-b")
                    .run(worker -> {
                        JRay jray = driver.getBean(JRay.class);

                        ObjectRef<byte[]> ref = jray.task(Blobs::bytes, 12 * MIB, 7).remote();
                        byte[] value = jray.get(ref, TIMEOUT);

                        assertThat(Blobs.crc(value)).isEqualTo(Blobs.crc(Blobs.pattern(12 * MIB, 7)));
                        assertThat(node(driver).objects().store().contains(ObjectId.parse(ref.id()))).isTrue();
                        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(commands().smembers(holders(node(driver),
                                ref))).containsExactlyInAnyOrder(node(driver).identity().id(),
                                        node(worker).identity().id()));
                    });
        });
    }

    @Test
    void theObjectEndpointRefusesRequestsWithoutTheClusterToken() {
        redis.node().withPropertyValues("jray.object.token=s3cret").run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = node(context);
            ObjectRef<byte[]> ref = jray.put(Blobs.pattern(2 * MIB, 3));
            ObjectId id = ObjectId.parse(ref.id());
            String url = node.objects().endpoint() + "/jray/objects/" + id.job() + "/" + id.id();

            assertThat(url).startsWith("http://127.0.0.1:");
            assertThat(get(url, null).statusCode()).isEqualTo(401);
            assertThat(get(url, "Bearer wrong").statusCode()).isEqualTo(401);
            HttpResponse<byte[]> ok = get(url, "Bearer s3cret");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).hasSize(2 * MIB + 16);
            assertThat(get(node.objects().endpoint() + "/jray/objects/" + id.job() + "/nope", "Bearer s3cret")
                    .statusCode()).isEqualTo(404);
            assertThat(get(node.objects().endpoint() + "/jray/objects/..%2F..%2Fetc/passwd", "Bearer s3cret")
                    .statusCode()).isEqualTo(400);
            int port = URI.create(url).getPort();
            assertThat(raw(port, "POST " + URI.create(url).getPath() + " HTTP/1.1\r\nAuthorization: Bearer s3cret\r\n\r\n"))
                    .startsWith("HTTP/1.1 405");
            assertThat(raw(port, "HELLO\r\n\r\n")).startsWith("HTTP/1.1 400");
            assertThat(raw(port, "GET / HTTP/1.1\r\nX: " + "x".repeat(20_000) + "\r\n\r\n")).startsWith("HTTP/1.1 400");
        });
    }

    /** Sends raw bytes to the object endpoint and returns the start of the answer. */
    private static String raw(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aFullStoreSpillsAndEvictsSoThatEveryObjectCanStillBeRead() {
        redis.node().withPropertyValues("jray.object.store-limit=48MB").run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectStore store = node(context).objects().store();
            List<ObjectRef<byte[]>> refs = new ArrayList<>();

            for (int i = 0; i < 12; i++) {
                refs.add(jray.put(Blobs.pattern(16 * MIB, i)));
                assertThat(store.usedBytes()).isLessThanOrEqualTo(48L * MIB);
            }

            assertThat(store.spilledBytes()).as("bytes spilled to disk").isGreaterThanOrEqualTo(9L * 16 * MIB);
            for (int i = 0; i < 12; i++) {
                assertThat(Blobs.crc(refs.get(i).get(TIMEOUT))).as("object " + i)
                        .isEqualTo(Blobs.crc(Blobs.pattern(16 * MIB, i)));
            }
            assertThat(store.usedBytes()).isLessThanOrEqualTo(48L * MIB);
        });
    }

    @Test
    void aValueLargerThanTheWholeStoreFailsAtPutNamingTheLimit() {
        redis.node().withPropertyValues("jray.object.store-limit=8MB").run(context -> {
            JRay jray = context.getBean(JRay.class);

            assertThatExceptionOfType(ObjectTooLargeException.class).isThrownBy(() -> jray.put(new byte[9 * MIB]))
                    .withMessageContaining("jray.object.store-limit").withMessageContaining("9437200 bytes");
            assertThat(node(context).objects().store().objectCount()).isZero();
        });
    }

    @Test
    void aLostTaskOutputIsRebuiltFromItsLineageAndALostPutIsNot() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).withUserConfiguration(Blobs.class).withPropertyValues("jray.worker.enabled=false").run(driver -> {
            JRay jray = driver.getBean(JRay.class);
            List<ObjectRef<byte[]>> made = new ArrayList<>();
            List<ObjectRef<byte[]>> put = new ArrayList<>();
            int before = Blobs.made.get();

            redis.node(namespace).withUserConfiguration(Blobs.class).run(worker -> {
                made.add(jray.task(Blobs::bytes, 3 * MIB, 5).remote());
                put.add(jray.task(Blobs::putOnThisNode, 3 * MIB, 6).remote().get(TIMEOUT));
                assertThat(jray.wait(made, 1, TIMEOUT).ready()).hasSize(1);
            });
            assertThat(Blobs.made.get() - before).isEqualTo(1);

            redis.node(namespace).withUserConfiguration(Blobs.class).run(replacement -> {
                assertThat(made.getFirst().get(TIMEOUT)).isEqualTo(Blobs.pattern(3 * MIB, 5));
                assertThat(Blobs.made.get() - before).as("runs of the task: once, then again to rebuild").isEqualTo(2);
                assertThatExceptionOfType(ObjectLostException.class).isThrownBy(() -> put.getFirst().get(TIMEOUT))
                        .withMessageContaining("cannot be rebuilt");
            });
        });
    }

    private static HttpResponse<byte[]> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
