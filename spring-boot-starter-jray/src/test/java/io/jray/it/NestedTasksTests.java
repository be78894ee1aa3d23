package io.jray.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.runtime.JRayNode;
import io.jray.runtime.control.TaskRecords.TaskInfo;
import io.jray.runtime.control.TaskRecords;
import io.jray.runtime.core.ObjectId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks that submit tasks and wait for them, on a node with a single CPU: a task blocked in
 * {@code get} or {@code wait} gives its CPU back, so nesting never deadlocks.
 */
class NestedTasksTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner nodeWithOneCpu() {
        return redis.node().withUserConfiguration(Arithmetic.class, RefTasks.class).withPropertyValues("jray.node.cpus=1");
    }

    @Test
    void aTaskWaitingForItsSubtasksInGetCompletesOnASingleCpu() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);

            assertThat(jray.task(Arithmetic::sumOfSquares, 6).remote().get(TIMEOUT)).isEqualTo(91);
        });
    }

    @Test
    void aTaskWaitingForItsSubtasksInWaitCompletesOnASingleCpu() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);

            assertThat(jray.task(RefTasks::sumAfterWait, 4).remote().get(TIMEOUT)).isEqualTo(30);
        });
    }

    @Test
    void aTreeOfNestedTasksThreeLevelsDeepCompletesOnASingleCpu() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);

            assertThat(jray.task(RefTasks::leaves, 3).remote().get(TIMEOUT)).isEqualTo(8);
        });
    }

    @Test
    void severalParentsBlockedAtOnceAllComplete() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);

            List<ObjectRef<Integer>> parents = List.of(jray.task(Arithmetic::sumOfSquares, 3).remote(),
                    jray.task(Arithmetic::sumOfSquares, 4).remote(), jray.task(Arithmetic::sumOfSquares, 5).remote());

            assertThat(jray.get(parents, TIMEOUT)).containsExactly(14, 30, 55);
        });
    }

    @Test
    void subtasksBelongToTheJobOfTheirParentAndRecordIt() {
        nodeWithOneCpu().run(context -> {
            JRay jray = context.getBean(JRay.class);
            TaskRecords records = context.getBean(JRayNode.class).records();

            ObjectRef<List<String>> parent = jray.task(RefTasks::spawn, 3).remote();
            List<String> children = parent.get(TIMEOUT);

            ObjectId parentId = ObjectId.parse(parent.id());
            assertThat(children).hasSize(3).doesNotHaveDuplicates();
            for (String child : children) {
                ObjectId childId = ObjectId.parse(child);
                TaskInfo info = records.find(childId);
                assertThat(childId.job()).isEqualTo(parentId.job());
                assertThat(info.parent()).isEqualTo(parentId.id());
                assertThat(info.state()).isEqualTo("F");
                assertThat(info.function()).isEqualTo(Arithmetic.class.getName() + "#square(int)");
            }
        });
    }
}
