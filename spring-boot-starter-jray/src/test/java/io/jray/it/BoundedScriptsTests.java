package io.jray.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.jray.api.ActorDiedException;
import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.JRayException;
import io.jray.api.ObjectRef;
import io.jray.api.TaskFailedException;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.Keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Scripts stay short however much one event touches (a failure reaching thousands of dependents,
 * an actor dying with thousands of calls waiting), and a record Redis refuses fails on its own with
 * what Redis said, while the rest of its batch is written.
 */
class BoundedScriptsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private static RedisCommands<String, String> commands() {
        return redis.redis().commands();
    }

    /** How many LPOPs Redis ran: only the backlog's drain.lua pops. */
    private static long backlogPops() {
        String stats = commands().info("commandstats");
        for (String line : stats.split("\r?\n")) {
            if (line.startsWith("cmdstat_lpop:calls=")) {
                return Long.parseLong(line.substring("cmdstat_lpop:calls=".length(), line.indexOf(',')));
            }
        }
        return 0;
    }

    @Test
    void aFailureReachesEveryTaskOfAChainOfThreeThousandInBoundedSteps() {
        Blocking.reset();
        redis.node().withUserConfiguration(Arithmetic.class, Blocking.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            long popsBefore = backlogPops();
            ObjectRef<Integer> gate = jray.task(Blocking::atGate, -1).remote();
            List<ObjectRef<Integer>> chain = new ArrayList<>();
            chain.add(jray.task(Arithmetic::failIfNegative, gate).remote());
            for (int i = 1; i < 3000; i++) {
                chain.add(jray.task(Arithmetic::add, chain.getLast(), 1).remote());
            }
            node.submitter().submitted().join();

            Blocking.openGate();

            for (ObjectRef<Integer> ref : List.of(chain.getFirst(), chain.get(1500), chain.getLast())) {
                assertThatThrownBy(() -> ref.get(TIMEOUT)).isInstanceOf(TaskFailedException.class)
                        .hasMessageContaining("negative: -1");
            }
            assertThat(jray.wait(chain, chain.size(), TIMEOUT).ready()).hasSize(3000);
            assertThat(backlogPops() - popsBefore).as("chunks worked off from the backlog").isGreaterThanOrEqualTo(2);
            Keys keys = node.control().keys();
            assertThat(commands().exists(keys.job(node.driverJob()) + "bl")).isZero();
        });
    }

    @Test
    void anActorKilledWithThousandsOfCallsWaitingFailsThemAll() {
        redis.node().withUserConfiguration(Counter.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            ActorHandle<Counter> counter = jray.actor(Counter.class).remote();
            assertThat(counter.task(Counter::increment).remote().get(TIMEOUT)).isEqualTo(1);
            ObjectRef<Integer> slow = counter.task(Counter::slowly, 2000).remote();
            List<ObjectRef<Integer>> waiting = new ArrayList<>();
            for (int i = 0; i < 1800; i++) {
                waiting.add(counter.task(Counter::increment).remote());
            }
            node.submitter().submitted().join();

            jray.kill(counter);

            for (ObjectRef<Integer> ref : List.of(waiting.getFirst(), waiting.get(900), waiting.getLast())) {
                assertThatThrownBy(() -> ref.get(TIMEOUT)).isInstanceOf(ActorDiedException.class)
                        .hasMessageContaining("was killed");
            }
            assertThat(jray.wait(waiting, waiting.size(), TIMEOUT).ready()).hasSize(1800);
            assertThatThrownBy(() -> slow.get(TIMEOUT)).isInstanceOf(ActorDiedException.class);
            Keys keys = node.control().keys();
            String job = node.driverJob();
            await().atMost(TIMEOUT).until(() -> commands().exists(keys.job(job) + "a:" + counter.id()
                    .substring(counter.id().indexOf('/') + 1), keys.job(job) + "bl") == 0);
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSubmissionRedisRefusesFailsWithWhatRedisSaidAndTheNextOneRuns(CapturedOutput output) {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            assertThat(jray.task(Arithmetic::square, 2).remote().get(TIMEOUT)).isEqualTo(4);
            String records = node.control().keys().records(node.driverJob());
            commands().del(records);
            commands().set(records, "not a sorted set");

            ObjectRef<Integer> refused = jray.task(Arithmetic::square, 3).remote();

            assertThatThrownBy(() -> refused.get(TIMEOUT)).isInstanceOf(JRayException.class)
                    .hasMessageContaining("refused to record").hasMessageContaining("WRONGTYPE");
            assertThat(output).contains("Redis refused to record 1 submission(s) of job " + node.driverJob());
            commands().del(records);
            assertThat(jray.task(Arithmetic::square, 4).remote().get(TIMEOUT)).isEqualTo(16);
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anOutcomeRedisRefusesIsDroppedWithAWarningAndTheOthersOfItsBatchCount(CapturedOutput output) {
        Blocking.reset();
        redis.node().withUserConfiguration(Arithmetic.class, Blocking.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            JRayNode node = context.getBean(JRayNode.class);
            Keys keys = node.control().keys();
            ObjectRef<Integer> broken = jray.task(Blocking::atGate, 1).remote();
            List<ObjectRef<Integer>> others = new ArrayList<>();
            others.add(jray.task(Blocking::atGate, 2).remote());
            assertThat(Blocking.awaitArrivals(2, TIMEOUT)).isTrue();
            others.add(jray.task(Blocking::atGate, 3).remote());
            String job = node.driverJob();
            String record = keys.record(job, broken.id().substring(broken.id().indexOf('/') + 1));
            commands().del(record);
            commands().set(record, "not a hash");

            Blocking.openGate();

            assertThat(jray.get(others, TIMEOUT)).containsExactly(2, 3);
            await().atMost(TIMEOUT).until(() -> output.getOut().contains("Redis refused the FINISHED outcome of task "
                    + broken.id()));
            String queue = commands().smembers(keys.shapes(job)).stream().map(shape -> keys.queue(job, shape))
                    .findFirst().orElseThrow();
            assertThat(commands().xpending(queue, "w").getCount()).as("entries left pending").isZero();
            assertThat(jray.task(Arithmetic::square, 5).remote().get(TIMEOUT)).isEqualTo(25);
            commands().del(record);
        });
    }
}
