package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.test.TestRedisCluster;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Redis Cluster of 3 masters and 3 replicas on loopback ({@link TestRedisCluster}): it serves
 * every slot, a killed master's replica takes over, and jray, which does not run on a cluster yet,
 * refuses it at startup with a clear error instead of failing later.
 */
class RedisClusterTests {

    private static TestRedisCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestRedisCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void theClusterHasThreeMastersAndServesKeysOfEverySlotAndSurvivesAKilledMaster() {
        List<Integer> masters = cluster.masterPorts();
        assertThat(masters).hasSize(3);
        assertThat(cluster.ports()).hasSize(6);
        RedisClusterClient client = RedisClusterClient.create(cluster.ports().stream()
                .map(port -> RedisURI.create("127.0.0.1", port)).toList());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            RedisAdvancedClusterCommands<String, String> redis = connection.sync();
            IntStream.range(0, 300).forEach(i -> redis.set("{k" + i + "}:v", "v" + i));
            assertThat(IntStream.range(0, 300).mapToObj(i -> redis.get("{k" + i + "}:v")))
                    .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "v" + i).toList());

            int victim = masters.get(0);
            cluster.kill(victim);
            await("a replica takes the killed master's slots").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cluster.masterPorts().size() == 3 && !cluster.masterPorts().contains(victim));
            assertThat(cluster.pid(victim)).isEqualTo(-1);
        }
        finally {
            client.shutdown();
        }
    }

    @Test
    void jrayRefusesARedisClusterAtStartupNamingIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, JRayAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.cluster.nodes=" + cluster.nodes())
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Redis Cluster is not supported yet"));
    }
}
