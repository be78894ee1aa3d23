package io.jray.it;

import java.time.Duration;
import java.util.Map;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.jray.runtime.JRayNode;
import io.jray.runtime.control.Keys;
import io.jray.runtime.core.Resources;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How a node joins, keeps and leaves its place in the cluster: its hash in Redis, its heartbeat, reaping. */
class NodeMembershipTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private static RedisCommands<String, String> commands() {
        return redis.redis().commands();
    }

    @Test
    void aNodeRegistersItsIdentityAndResourcesAndKeepsItsRegistrationAlive() {
        redis.node().withPropertyValues("jray.node.resources.gpu=2", "jray.node.resources.fpga=0.5", "jray.node.cpus=3",
                "jray.node.host-id=rack-7").run(context -> {
                    JRayNode node = context.getBean(JRayNode.class);
                    Keys keys = node.control().keys();
                    String id = node.identity().id();

                    Map<String, String> hash = commands().hgetall(keys.node(id));

                    assertThat(node.identity().resources().shape()).isEqualTo("cpu=3,fpga=0.5,gpu=2");
                    assertThat(Resources.parseShape(hash.get("resources"))).isEqualTo(node.identity().resources());
                    assertThat(hash).containsEntry("id", id).containsEntry("hostId", "rack-7").containsEntry("worker", "1")
                            .containsEntry("pid", Long.toString(ProcessHandle.current().pid()));
                    assertThat(commands().smembers(keys.nodes())).containsExactly(id);
                    assertThat(commands().pttl(keys.node(id))).as("expiry of the node hash, ms").isBetween(1L, 2000L);
                    String firstBeat = hash.get("hb");
                    await().atMost(TIMEOUT).until(() -> !firstBeat.equals(commands().hget(keys.node(id), "hb")));
                });
    }

    @Test
    void aNodeThatOnlySubmitsSaysSo() {
        redis.node().withPropertyValues("jray.worker.enabled=false").run(context -> {
            JRayNode node = context.getBean(JRayNode.class);

            assertThat(node.identity().worker()).isFalse();
            assertThat(commands().hget(node.control().keys().node(node.identity().id()), "worker")).isEqualTo("0");
        });
    }

    @Test
    void aNodeThatLeavesIsRemovedAndOtherNodesForgetIt() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).run(staying -> {
            Keys keys = staying.getBean(JRayNode.class).control().keys();
            String[] leaving = new String[1];

            redis.node(namespace).run(context -> {
                leaving[0] = context.getBean(JRayNode.class).identity().id();
                assertThat(commands().smembers(keys.nodes())).contains(leaving[0]);
            });

            assertThat(commands().exists(keys.node(leaving[0]))).as("hash of the node that left").isZero();
            await().atMost(TIMEOUT).until(() -> !commands().smembers(keys.nodes()).contains(leaving[0]));
            assertThat(commands().smembers(keys.nodes()))
                    .containsExactly(staying.getBean(JRayNode.class).identity().id());
        });
    }

    @Test
    void aNodeWhoseRegistrationLapsedRegistersAgain() {
        String namespace = TestRedis.uniqueNamespace();
        redis.node(namespace).run(other -> {
            redis.node(namespace).run(context -> {
                JRayNode node = context.getBean(JRayNode.class);
                Keys keys = node.control().keys();
                String id = node.identity().id();

                commands().del(keys.node(id));
                commands().srem(keys.nodes(), id);

                await().atMost(TIMEOUT).untilAsserted(() -> {
                    assertThat(commands().smembers(keys.nodes())).contains(id);
                    assertThat(commands().hget(keys.node(id), "resources")).isEqualTo("cpu=2");
                });
            });
        });
    }
}
