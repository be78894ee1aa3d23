package io.jray.worker.it;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.lettuce.core.models.stream.PendingMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.jray.api.JRay;
import io.jray.api.NodeDiedException;
import io.jray.api.ObjectRef;
import io.jray.api.SerializationException;
import io.jray.api.TaskFailedException;
import io.jray.api.TaskOptions;
import io.jray.api.UnknownFunctionException;
import io.jray.runtime.control.TaskRecords.TaskInfo;
import io.jray.runtime.control.TaskRecords;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.logs.TaskLog;
import io.jray.test.WorkerProcess;
import io.jray.worker.it.driveronly.DriverOnlyTasks;
import io.jray.worker.it.tasks.ClusterTasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The core runtime on a real cluster: the test JVM plus jray-worker JVMs, coordinated by a real Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private Cluster cluster;
    private JRay jray;
    private TaskRecords records;

    @BeforeAll
    void startCluster() {
        cluster = new Cluster();
        cluster.startWorkers(2);
        jray = cluster.startDriver();
        records = cluster.node().records();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    @Order(1)
    void fourOneSecondTasksRunInParallelOnSeveralNodes() throws Exception {
        long start = System.nanoTime();
        List<ObjectRef<Integer>> refs = IntStream.range(0, 4)
                .mapToObj(i -> jray.task(ClusterTasks::slow, i).remote()).toList();
        List<Integer> values = jray.get(refs, Duration.ofSeconds(30));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(values).containsExactly(0, 1, 2, 3);
        assertThat(seconds).as("wall time of four 1-second tasks").isLessThan(3.5);
        Set<String> nodes = new HashSet<>();
        for (ObjectRef<Integer> ref : refs) {
            nodes.add(records.find(ObjectId.parse(ref.id())).node());
        }
        assertThat(nodes).as("nodes that ran the four tasks").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void matrixProductEqualsTheLocalOneAndStartsAfterBothInputs() throws Exception {
        ObjectRef<double[][]> x = jray.task(ClusterTasks::createMatrix, 300, 1L).remote();
        ObjectRef<double[][]> y = jray.task(ClusterTasks::createMatrix, 300, 2L).remote();
        ObjectRef<double[][]> z = jray.task(ClusterTasks::multiply, x, y).remote();

        double[][] product = z.get(Duration.ofSeconds(60));
        double[][] local = new ClusterTasks().multiply(new ClusterTasks().createMatrix(300, 1L),
                new ClusterTasks().createMatrix(300, 2L));
        assertThat(Arrays.deepEquals(product, local)).as("distributed product equals the local one").isTrue();

        TaskInfo multiply = records.find(ObjectId.parse(z.id()));
        TaskInfo left = records.find(ObjectId.parse(x.id()));
        TaskInfo right = records.find(ObjectId.parse(y.id()));
        assertThat(multiply.dependencies()).containsExactly(left.id(), right.id());
        assertThat(multiply.startedAt()).as("multiply started after both inputs ended")
                .isGreaterThanOrEqualTo(Math.max(left.endedAt(), right.endedAt()));
    }

    @Test
    @Order(3)
    void linearAndTreeAggregationsSumTo36WithDepths7And3() throws Exception {
        ObjectRef<Integer> linear = aggregate(false);
        ObjectRef<Integer> tree = aggregate(true);

        assertThat(linear.get(Duration.ofSeconds(60))).isEqualTo(36);
        assertThat(tree.get(Duration.ofSeconds(60))).isEqualTo(36);
        assertThat(records.depth(ObjectId.parse(linear.id()))).as("depth of the linear aggregation").isEqualTo(7);
        assertThat(records.depth(ObjectId.parse(tree.id()))).as("depth of the tree aggregation").isEqualTo(3);
    }

    private ObjectRef<Integer> aggregate(boolean tree) {
        Deque<ObjectRef<Integer>> queue = new ArrayDeque<>();
        for (int i = 1; i <= 8; i++) {
            queue.add(jray.put(i));
        }
        while (queue.size() > 1) {
            ObjectRef<Integer> sum = jray.task(ClusterTasks::add, queue.pollFirst(), queue.pollFirst()).remote();
            if (tree) {
                queue.addLast(sum);
            }
            else {
                queue.addFirst(sum);
            }
        }
        return queue.getFirst();
    }

    @Test
    @Order(4)
    void remoteExceptionReachesGetAndFailsDependents() {
        ObjectRef<Integer> failing = jray.task(ClusterTasks::explode, "boom").remote();
        ObjectRef<Integer> dependent = jray.task(ClusterTasks::twice, failing).remote();

        assertThatThrownBy(() -> failing.get(Duration.ofSeconds(30))).isInstanceOfSatisfying(TaskFailedException.class, e -> {
            assertThat(e.remoteType()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(e.getCause().remoteMessage()).isEqualTo("boom");
            assertThat(e.getCause().getStackTrace()).anySatisfy(frame -> {
                assertThat(frame.getClassName()).isEqualTo(ClusterTasks.class.getName());
                assertThat(frame.getMethodName()).isEqualTo("explode");
            });
            assertThat(e.getMessage()).contains("explode", "IllegalArgumentException", "boom");
        });
        assertThatThrownBy(() -> dependent.get(Duration.ofSeconds(30))).isInstanceOfSatisfying(TaskFailedException.class, e -> {
            assertThat(e.failedTaskId()).isEqualTo(failing.id());
            assertThat(e.remoteType()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(e.getMessage()).contains("dependency", failing.id(), "boom");
        });
    }

    @Test
    @Order(5)
    void unserializableArgumentFailsAtRemote() {
        assertThatThrownBy(() -> jray.task(ClusterTasks::describe, new NotRegistered()).remote())
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(NotRegistered.class.getName())
                .hasMessageContaining("describe");
    }

    @Test
    @Order(6)
    void unknownFunctionFailsClearly() {
        ObjectRef<String> ref = jray.task(DriverOnlyTasks::hello)
                .options(TaskOptions.builder().resource("remote", 1).build()).remote();

        assertThatThrownBy(() -> ref.get(Duration.ofSeconds(30))).isInstanceOfSatisfying(UnknownFunctionException.class, e -> {
            assertThat(e.remoteType()).isEqualTo(UnknownFunctionException.class.getName());
            assertThat(e.getMessage()).contains("DriverOnlyTasks#hello()");
        });
    }

    @Test
    @Order(7)
    void whatATaskPrintsAndLogsOnAWorkerJvmIsKeptWithItAndStillReachesTheWorkersConsole() throws Exception {
        ObjectRef<String> ref = jray.task(ClusterTasks::shout, "hello from a worker")
                .options(TaskOptions.builder().resource("remote", 1).build()).remote();
        assertThat(ref.get(Duration.ofSeconds(30))).isEqualTo("HELLO FROM A WORKER");

        ObjectId id = ObjectId.parse(ref.id());
        String worker = records.find(id).node();
        assertThat(worker).as("a worker JVM ran it").isNotEqualTo(cluster.node().identity().id());
        TaskLog log = TaskLog.decode(cluster.node().control().redis().sync()
                .get(cluster.node().control().keys().taskLog(id.job(), id.id())));
        List<TaskLog.Entry> entries = log.entries().stream()
                .filter(e -> e.logger().isEmpty() || e.logger().equals(ClusterTasks.class.getName())).toList();
        assertThat(entries).extracting(TaskLog.Entry::source).containsExactly(TaskLog.Source.ATTEMPT,
                TaskLog.Source.OUT, TaskLog.Source.INFO);
        assertThat(entries).extracting(TaskLog.Entry::text).containsExactly("attempt 1 on node " + worker,
                "shouting hello from a worker", "shouted 19 characters");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cluster.workers)
                .anySatisfy(w -> assertThat(w.output()).contains("shouting hello from a worker")
                        .contains("shouted 19 characters")));
    }

    @Test
    @Order(100)
    void workerKilledMidBatchLosesNoTask() throws Exception {
        Set<String> before = cluster.redis.commands().smembers(cluster.namespace + ":nodes");
        WorkerProcess victim = cluster.startWorkers(1).getFirst();
        Set<String> after = new HashSet<>(cluster.redis.commands().smembers(cluster.namespace + ":nodes"));
        after.removeAll(before);
        String victimNode = after.iterator().next();

        List<ObjectRef<Integer>> refs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            refs.add(jray.task(ClusterTasks::work, i).remote());
        }
        String job = ObjectId.parse(refs.getFirst().id()).job();
        String queue = cluster.namespace + ":{" + job + "}:q:cpu=1";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> pendingOf(queue, victimNode) > 0);
        victim.kill();

        List<Integer> values = jray.get(refs, Duration.ofSeconds(120));
        assertThat(values).containsExactlyElementsOf(IntStream.range(0, 2000).boxed().toList());
        int retried = 0;
        for (ObjectRef<Integer> ref : refs) {
            TaskInfo info = records.find(ObjectId.parse(ref.id()));
            assertThat(info.state()).isEqualTo("F");
            retried += info.attempt() > 1 ? 1 : 0;
        }
        assertThat(retried).as("tasks re-run after the SIGKILL").isPositive();
    }

    @Test
    @Order(101)
    void aWorkerKilledUnderATaskWithNoRetriesLeftFailsItsGetWithNodeDiedException() {
        Set<String> before = cluster.redis.commands().smembers(cluster.namespace + ":nodes");
        WorkerProcess victim = cluster.startWorkers(1, "--jray.node.resources.doomed=1").getFirst();
        Set<String> after = new HashSet<>(cluster.redis.commands().smembers(cluster.namespace + ":nodes"));
        after.removeAll(before);
        String victimNode = after.iterator().next();

        ObjectRef<Integer> held = jray.task(ClusterTasks::slow, 7)
                .options(TaskOptions.builder().resource("doomed", 1).maxRetries(0).build()).remote();
        ObjectId id = ObjectId.parse(held.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            TaskInfo info = records.find(id);
            return info != null && "R".equals(info.state()) && victimNode.equals(info.node());
        });
        victim.kill();

        assertThatThrownBy(() -> held.get(Duration.ofSeconds(60))).isInstanceOfSatisfying(NodeDiedException.class, e -> {
            assertThat(e).as("still a TaskFailedException to those who catch that").isInstanceOf(TaskFailedException.class);
            assertThat(e.taskId()).isEqualTo(held.id());
            assertThat(e.remoteType()).isEqualTo(NodeDiedException.class.getName());
            assertThat(e.getMessage()).contains("node " + victimNode + " died while it held the task");
        });
    }

    private long pendingOf(String queue, String consumer) {
        PendingMessages pending = cluster.redis.commands().xpending(queue, "w");
        Long count = pending.getConsumerMessageCount().get(consumer);
        return count == null ? 0 : count;
    }

    /** A type no node registered for serialization. */
    static final class NotRegistered {
        int value = 1;
    }
}
