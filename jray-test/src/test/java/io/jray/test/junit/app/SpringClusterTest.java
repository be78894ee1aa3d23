package io.jray.test.junit.app;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.runtime.control.Keys;
import io.jray.test.junit.ClusterWorker;
import io.jray.test.junit.JRayClusterTest;
import io.jray.test.junit.JRayTestCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The README's example: a Spring Boot test whose context drives two worker JVMs of the application. */
@SpringBootTest(properties = "jray.worker.enabled=false")
@JRayClusterTest(workers = 2, properties = "jray.node.cpus=2")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class SpringClusterTest {

    @Autowired
    private JRay jray;

    @Test
    @Order(1)
    void tasksRunInTheWorkerJvmsOfTheApplication(JRayTestCluster cluster) {
        assertThat(cluster.workers()).hasSize(2).allMatch(ClusterWorker::isAlive);
        assertThat(cluster.liveNodes()).isEqualTo(3);
        Set<Long> workerPids = new HashSet<>(cluster.workers().stream().map(ClusterWorker::pid).toList());
        Set<Long> seen = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            seen.addAll(jray.get(pids(40, 20)));
            return seen.containsAll(workerPids);
        });
        assertThat(seen).doesNotContain(ProcessHandle.current().pid()).isSubsetOf(workerPids);
        assertThat(jray.get(jray.task(WhereTasks::pid, 0).remote())).isIn(workerPids);
    }

    @Test
    @Order(2)
    void aKilledWorkersTasksRunOnTheOther(JRayTestCluster cluster) {
        ClusterWorker added = cluster.addWorker();
        await().atMost(Duration.ofSeconds(30)).until(() -> added.output().contains("joined the cluster"));
        List<ObjectRef<Long>> running = pids(12, 2000);
        await().atMost(Duration.ofSeconds(30)).until(() -> freeSlots(cluster, added) == 0);
        added.kill();
        assertThat(added.isAlive()).isFalse();
        List<Long> pids = jray.get(running, Duration.ofSeconds(60));
        assertThat(pids).hasSize(12).doesNotContain(added.pid());
    }

    /** The free task slots the worker's last heartbeat reported. */
    private static int freeSlots(JRayTestCluster cluster, ClusterWorker worker) {
        try (RedisClient client = RedisClient.create(RedisURI.create(cluster.redisHost(), cluster.redisPort()));
                StatefulRedisConnection<String, String> connection = client.connect()) {
            Keys keys = new Keys(cluster.namespace());
            for (String node : connection.sync().smembers(keys.nodes())) {
                Map<String, String> fields = connection.sync().hgetall(keys.node(node));
                if (Long.toString(worker.pid()).equals(fields.get("pid"))) {
                    return Integer.parseInt(fields.getOrDefault("free", "-1"));
                }
            }
            return -1;
        }
    }

    private List<ObjectRef<Long>> pids(int count, int millis) {
        return IntStream.range(0, count).mapToObj(i -> jray.task(WhereTasks::pid, millis).remote()).toList();
    }
}
