package io.jray.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.jray.test.junit.ClusterWorker;
import io.jray.test.junit.JRayClusterTest;
import io.jray.test.junit.JRayTestCluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial on a cluster, as the README's test guide shows it: this test's context only submits,
 * and two worker JVMs of the sample app run every task and the actor.
 */
@SpringBootTest(properties = { "sample.tutorial.enabled=false", "jray.worker.enabled=false" })
@JRayClusterTest(workers = 2, workerProperties = "sample.tutorial.enabled=false")
class TutorialOnWorkersTest {

    @Autowired
    private TutorialExamples examples;

    @Test
    void theTutorialsTasksAndActorRunOnTheWorkers(JRayTestCluster cluster) throws InterruptedException {
        assertThat(examples.parallelTasks().value()).containsExactly(0, 1, 2, 3);
        TutorialExamples.Aggregation sums = examples.aggregation();
        assertThat(sums.linearSum()).isEqualTo(36);
        assertThat(sums.treeSum()).isEqualTo(36);
        assertThat(examples.counter().value()).isEqualTo(10);
        assertThat(cluster.workers()).hasSize(2).allMatch(ClusterWorker::isAlive);
        assertThat(cluster.liveNodes()).isEqualTo(3);
    }
}
