package io.jray.it;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskFailedException;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.logs.TaskLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What tasks print and log is kept per task in Redis, with its outcome: both streams and SLF4J
 * events, each line once, every attempt's, bounded in size, rate and time.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskLogTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private static TaskLog logOf(ApplicationContext context, ObjectRef<?> ref) {
        JRayNode node = context.getBean(JRayNode.class);
        ObjectId id = ObjectId.parse(ref.id());
        byte[] stored = node.control().redis().sync().get(node.control().keys().taskLog(id.job(), id.id()));
        return TaskLog.decode(stored);
    }

    private static long ttlMillis(ApplicationContext context, ObjectRef<?> ref) {
        JRayNode node = context.getBean(JRayNode.class);
        ObjectId id = ObjectId.parse(ref.id());
        return node.control().redis().sync().pttl(node.control().keys().taskLog(id.job(), id.id()));
    }

    /** The entries the task wrote itself (jray's own and Lettuce's DEBUG lines on its thread left out). */
    private static List<TaskLog.Entry> written(TaskLog log) {
        return log.entries().stream().filter(e -> e.logger().isEmpty() || e.logger().equals(Chatty.class.getName()))
                .toList();
    }

    @Test
    void aTaskThatPrintsAndLogsKeepsEachLineOnceInOrderAndStillPrintsToTheConsole(CapturedOutput output) {
        redis.node().withUserConfiguration(Chatty.class).withPropertyValues("jray.logs.retention=10m").run(context -> {
            ObjectRef<Integer> ref = context.getBean(JRay.class).task(Chatty::printsAndLogs, 3).remote();
            assertThat(ref.get(TIMEOUT)).isEqualTo(3);

            List<TaskLog.Entry> entries = written(logOf(context, ref));
            assertThat(entries).extracting(TaskLog.Entry::source).containsExactly(TaskLog.Source.ATTEMPT,
                    TaskLog.Source.OUT, TaskLog.Source.OUT, TaskLog.Source.OUT, TaskLog.Source.ERR,
                    TaskLog.Source.INFO, TaskLog.Source.WARN, TaskLog.Source.INFO, TaskLog.Source.OUT);
            String nodeId = context.getBean(JRayNode.class).identity().id();
            assertThat(entries).extracting(TaskLog.Entry::text).startsWith("attempt 1 on node " + nodeId,
                    "out line 0", "out line 1", "out line 2", "err line\twith a tab", "info 3");
            assertThat(entries.get(6).text()).startsWith("warn with its exception\njava.lang.IllegalStateException: boom")
                    .contains("at io.jray.it.Chatty.printsAndLogs");
            assertThat(entries.get(7).text()).as("an event of the task's own thread, through the MDC")
                    .isEqualTo("from a thread of its own");
            assertThat(entries.get(8).text()).as("the unfinished last line").isEqualTo("no newline at the end");
            assertThat(entries.get(5).logger()).isEqualTo(Chatty.class.getName());
            assertThat(ttlMillis(context, ref)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
        });
        assertThat(output.getOut()).as("the console still shows it").contains("out line 2", "info 3");
        assertThat(output.getErr()).contains("err line");
    }

    @Test
    void aFailedTaskKeepsWhatItPrintedBeforeItFailed() {
        redis.node().withUserConfiguration(Chatty.class).run(context -> {
            ObjectRef<Integer> ref = context.getBean(JRay.class).task(Chatty::printsThenFails).remote();
            assertThatThrownBy(() -> ref.get(TIMEOUT)).isInstanceOf(TaskFailedException.class);
            assertThat(written(logOf(context, ref))).extracting(TaskLog.Entry::text)
                    .contains("about to fail");
        });
    }

    @Test
    void aRetriedTaskKeepsTheLogOfEveryAttempt() {
        Chatty.reset();
        redis.node().withUserConfiguration(Chatty.class).run(context -> {
            ObjectRef<Integer> ref = context.getBean(JRay.class).task(Chatty::printsUntilAttempt, 3)
                    .options(TaskOptions.builder().maxRetries(3).retryExceptions(true).build()).remote();
            assertThat(ref.get(TIMEOUT)).isEqualTo(3);
            String on = " on node " + context.getBean(JRayNode.class).identity().id();
            assertThat(written(logOf(context, ref))).extracting(TaskLog.Entry::text).containsExactly(
                    "attempt 1" + on, "this is attempt 1", "attempt 2" + on, "this is attempt 2",
                    "attempt 3" + on, "this is attempt 3");
        });
    }

    @Test
    void aLongLogKeepsItsFirstAndLastLinesWithinTheBound() {
        redis.node().withUserConfiguration(Chatty.class).withPropertyValues("jray.logs.max-per-task=4KB")
                .run(context -> {
                    ObjectRef<Integer> ref = context.getBean(JRay.class).task(Chatty::printsALot, 5000).remote();
                    assertThat(ref.get(TIMEOUT)).isEqualTo(5000);
                    TaskLog log = logOf(context, ref);
                    assertThat(log.encode().length).isLessThan(6 * 1024);
                    List<String> texts = log.entries().stream().map(TaskLog.Entry::text).toList();
                    assertThat(texts.get(1)).isEqualTo("line 0 of a task that prints a lot");
                    assertThat(texts.getLast()).isEqualTo("line 4999 of a task that prints a lot");
                    assertThat(texts).anySatisfy(t -> assertThat(t).contains("line(s)").contains("left out"));
                });
    }

    @Test
    void aNodeOverItsLogRateKeepsANoteInsteadAndWarnsTheOperator(CapturedOutput output) {
        redis.node().withUserConfiguration(Chatty.class)
                .withPropertyValues("jray.logs.max-per-second=1KB", "jray.logs.max-per-task=16KB").run(context -> {
                    JRay jray = context.getBean(JRay.class);
                    // why: the bucket holds 10 s of the rate: 10 KB pass, then logs of 16 KB do not
                    List<ObjectRef<Integer>> refs = List.of(jray.task(Chatty::printsALot, 300).remote(),
                            jray.task(Chatty::printsALot, 300).remote());
                    refs.forEach(ref -> ref.get(TIMEOUT));
                    assertThat(refs).anySatisfy(ref -> assertThat(logOf(context, ref).entries())
                            .extracting(TaskLog.Entry::text)
                            .anySatisfy(t -> assertThat(t).contains("were not kept")
                                    .contains("jray.logs.max-per-second")));
                });
        assertThat(output).contains("WARN").contains("jray.logs.max-per-second (1024 bytes/s)");
    }

    @Test
    void anActorsCreationAndCallsKeepTheirOwnLogs() {
        redis.node().withUserConfiguration(Chatty.Greeter.class).run(context -> {
            ActorHandle<Chatty.Greeter> greeter = context.getBean(JRay.class).actor(Chatty.Greeter.class, "hello")
                    .remote();
            ObjectRef<String> first = greeter.task(Chatty.Greeter::greet, "ada").remote();
            ObjectRef<String> second = greeter.task(Chatty.Greeter::greet, "bob").remote();
            assertThat(second.get(TIMEOUT)).isEqualTo("hello, bob");
            assertThat(written(logOf(context, first))).extracting(TaskLog.Entry::text).endsWith("greeting ada");
            assertThat(written(logOf(context, second))).extracting(TaskLog.Entry::text).endsWith("greeting bob")
                    .noneMatch(t -> t.contains("ada"));
            JRayNode node = context.getBean(JRayNode.class);
            ObjectId actor = ObjectId.parse(greeter.id());
            assertThat(TaskLog.decode(node.control().redis().sync().get(node.control().keys()
                    .taskLog(actor.job(), actor.id()))).entries()).extracting(TaskLog.Entry::text)
                    .contains("greeter created with hello");
        });
    }

    @Test
    void garbageUnderALogsKeyIsReplacedAndTheOutcomeStillCounts() throws Exception {
        Chatty.reset();
        redis.node().withUserConfiguration(Chatty.class).run(context -> {
            ObjectRef<Integer> ref = context.getBean(JRay.class).task(Chatty::printsThenWaits, 8).remote();
            assertThat(Chatty.started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            JRayNode node = context.getBean(JRayNode.class);
            ObjectId id = ObjectId.parse(ref.id());
            String key = node.control().keys().taskLog(id.job(), id.id());
            redis.redis().commands().hset(key, "not", "a log");
            Chatty.release.countDown();

            assertThat(ref.get(TIMEOUT)).isEqualTo(8);
            assertThat(redis.redis().commands().type(key)).isEqualTo("string");
            assertThat(written(logOf(context, ref))).extracting(TaskLog.Entry::text).endsWith("printed before the wait");
        });
    }

    @Test
    void aQuietTaskLeavesNoLogInRedis() {
        redis.node().withUserConfiguration(Chatty.class).run(context -> {
            ObjectRef<Integer> ref = context.getBean(JRay.class).task(Chatty::quiet, 4).remote();
            assertThat(ref.get(TIMEOUT)).isEqualTo(4);
            JRayNode node = context.getBean(JRayNode.class);
            ObjectId id = ObjectId.parse(ref.id());
            assertThat(node.control().redis().sync().exists(node.control().keys().taskLog(id.job(), id.id())))
                    .isZero();
        });
    }

    @Test
    void turnedOffNothingIsKeptAndTheStreamsAreLeftAlone() {
        PrintStream before = System.out;
        redis.node().withUserConfiguration(Chatty.class).withPropertyValues("jray.logs.enabled=false").run(context -> {
            assertThat(System.out).isSameAs(before);
            ObjectRef<Integer> ref = context.getBean(JRay.class).task(Chatty::printsAndLogs, 1).remote();
            assertThat(ref.get(TIMEOUT)).isEqualTo(1);
            assertThat(logOf(context, ref).isEmpty()).isTrue();
        });
    }

    @Test
    void theStreamsArePutBackWhenTheLastNodeOfTheJvmCloses() {
        PrintStream before = System.out;
        redis.node().withUserConfiguration(Chatty.class).run(first -> {
            assertThat(System.out).isNotSameAs(before);
            redis.node().withUserConfiguration(Chatty.class).run(second -> assertThat(System.out).isNotSameAs(before));
            assertThat(System.out).as("the first node still captures").isNotSameAs(before);
        });
        assertThat(System.out).isSameAs(before);
    }
}
