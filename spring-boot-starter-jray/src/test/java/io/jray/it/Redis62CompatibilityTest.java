package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskCancelledException;
import io.jray.api.TaskFailedException;
import io.jray.api.TaskOptions;
import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.runtime.embedded.EmbeddedRedisServer;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The control plane on Redis 6.2 (the binary shipped in the embedded-redis artifact): every script
 * path a task takes runs on it: queueing, dependencies, failures, cancellation and nesting.
 */
class Redis62CompatibilityTest {

    private static EmbeddedRedisServer redis;

    @BeforeAll
    static void startRedis62() throws Exception {
        redis = EmbeddedRedisServer.start(EmbeddedRedisServer.bundledExecutable(), "127.0.0.1", 0, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void serverIsRedis62() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().info("server")).contains("redis_version:6.2");
        }
        finally {
            client.shutdown();
        }
    }

    @Test
    void tasksDependenciesFailuresAndCancellationWork() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, JRayAutoConfiguration.class))
                .withUserConfiguration(Arithmetic.class)
                .withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
                        "jray.namespace=" + TestRedis.uniqueNamespace(), "jray.node.cpus=2")
                .run(context -> {
                    JRay jray = context.getBean(JRay.class);
                    ObjectRef<Integer> sum = jray.put(0);
                    for (int i = 1; i <= 10; i++) {
                        sum = jray.task(Arithmetic::add, sum, i).remote();
                    }
                    assertThat(sum.get(Duration.ofSeconds(30))).isEqualTo(55);

                    List<ObjectRef<Integer>> squares = IntStream.range(0, 50)
                            .mapToObj(i -> jray.task(Arithmetic::square, i).remote()).toList();
                    assertThat(jray.get(squares, Duration.ofSeconds(30))).element(7).isEqualTo(49);

                    ObjectRef<Integer> failed = jray.task(Arithmetic::fail, "on 6.2").remote();
                    ObjectRef<Integer> dependent = jray.task(Arithmetic::square, failed).remote();
                    assertThatThrownBy(() -> dependent.get(Duration.ofSeconds(30)))
                            .isInstanceOf(TaskFailedException.class).hasMessageContaining("on 6.2");

                    ObjectRef<Integer> nowhere = jray.task(Arithmetic::square, 3)
                            .options(TaskOptions.builder().resource("nowhere", 1).build()).remote();
                    assertThat(jray.cancel(nowhere)).isTrue();
                    assertThatThrownBy(() -> nowhere.get(Duration.ofSeconds(30)))
                            .isInstanceOf(TaskCancelledException.class);

                    assertThat(jray.task(Arithmetic::sumOfSquares, 5).remote().get(Duration.ofSeconds(30)))
                            .isEqualTo(55);
                });
    }
}
