package io.jray.it;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.JRayUnavailableException;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away: waiting calls fail with {@link JRayUnavailableException} after
 * {@code jray.redis.unavailable-timeout}, new calls are refused, and work accepted before the outage
 * goes on once Redis answers again. Needs a redis-server started by the test, which it can stop.
 */
@ExtendWith(BlockingGate.class)
class RedisOutageTests {

    private static final Duration OUTAGE_NOTICED_WITHIN = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner node() {
        return redis.node().withUserConfiguration(Arithmetic.class, Blocking.class)
                .withPropertyValues("jray.redis.unavailable-timeout=2s");
    }

    @BeforeEach
    void onlyWithARedisOfOurOwn() {
        assumeThat(redis.redis().kind()).as("a Redis this test may stop").startsWith("redis-server");
    }

    private static void awaitQueued(JRayNode node, ObjectRef<?> ref) {
        await().atMost(TIMEOUT).until(() -> "Q".equals(Recorded.state(node, ref)));
    }

    @Test
    void aStoppedRedisFailsPendingGetsAndRefusesNewCallsWithinTheBound() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> pending = jray.task(Arithmetic::square, 2)
                    .options(TaskOptions.builder().resource("nowhere", 1).build()).remote();
            awaitQueued(context.getBean(JRayNode.class), pending);
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(pending::get);

            redis.redis().stopServer();
            try {
                assertThat(waiting).failsWithin(OUTAGE_NOTICED_WITHIN).withThrowableThat().havingCause()
                        .isInstanceOf(JRayUnavailableException.class)
                        .withMessageContaining("jray.redis.unavailable-timeout=PT2S");
                assertThatExceptionOfType(JRayUnavailableException.class)
                        .isThrownBy(() -> jray.task(Arithmetic::square, 3).remote());
                assertThatExceptionOfType(JRayUnavailableException.class).isThrownBy(() -> jray.put(4));
                assertThatExceptionOfType(JRayUnavailableException.class).isThrownBy(() -> pending.get(TIMEOUT));
            }
            finally {
                restart();
            }
        });
    }

    @Test
    void workAcceptedBeforeAnOutageGoesOnAndIsDeliveredOnceRedisAnswersAgain() throws Exception {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            ObjectRef<Integer> running = jray.task(Blocking::atGate, 21).remote();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(running::get);

            long pid = redisPid();
            signal("STOP", pid);
            try {
                assertThat(waiting).failsWithin(OUTAGE_NOTICED_WITHIN).withThrowableThat().havingCause()
                        .isInstanceOf(JRayUnavailableException.class);
                Blocking.openGate();
            }
            finally {
                signal("CONT", pid);
            }

            await().atMost(TIMEOUT).until(node.health()::isAvailable);
            assertThat(running.get(TIMEOUT)).isEqualTo(21);
            assertThat(jray.task(Arithmetic::square, 5).remote().get(TIMEOUT)).isEqualTo(25);
        });
    }

    private static long redisPid() {
        String info = redis.redis().commands().info("server");
        return info.lines().filter(line -> line.startsWith("process_id:")).map(line -> line.substring(11).trim())
                .mapToLong(Long::parseLong).findFirst().orElseThrow();
    }

    /** Pauses or resumes the test's own redis-server, keeping its connections and data. */
    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("exit code of kill -%s %d", signal, pid).isZero();
    }

    private static void restart() {
        try {
            redis.redis().restart();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
