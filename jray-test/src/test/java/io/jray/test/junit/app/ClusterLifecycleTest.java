package io.jray.test.junit.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.JRay;
import io.jray.test.junit.ClusterWorker;
import io.jray.test.junit.JRayClusterTest;
import io.jray.test.junit.JRayTestCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs test classes that use the kit through the JUnit engine, then checks what they leave behind:
 * nothing (no worker JVM, no Redis) after they pass, a clear error when a worker cannot start.
 */
class ClusterLifecycleTest {

    @Test
    void aPlainTestGetsAClusterAndLeavesNoProcessBehind() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PlainTest.class)).execute()
                .testEvents();
        tests.assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(PlainTest.workerPids).hasSize(1);
        assertThat(PlainTest.workerPids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(PlainTest.taskPid).isEqualTo(PlainTest.workerPids.getFirst());
        assertThat(accepts(PlainTest.redisPort)).as("the cluster's Redis on port %d after the class", PlainTest.redisPort)
                .isFalse();
    }

    @Test
    void aWorkerThatCannotStartFailsTheClassWithItsOutput() {
        Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadWorkerTest.class)).execute()
                .containerEvents();
        containers.assertStatistics(stats -> stats.failed(1));
        Throwable failure = containers.failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("exited before it joined").hasMessageContaining("jray.node.cpus");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    /** A test without Spring: it builds its own node from the cluster's properties. */
    @JRayClusterTest(workers = 1, application = KitApplication.class)
    static class PlainTest {

        static volatile List<Long> workerPids = List.of();

        static volatile long taskPid;

        static volatile int redisPort;

        @Test
        void runsATaskOnTheWorker(JRayTestCluster cluster) throws InterruptedException {
            workerPids = cluster.workers().stream().map(ClusterWorker::pid).toList();
            redisPort = cluster.redisPort();
            try (ConfigurableApplicationContext driver = new SpringApplicationBuilder(KitApplication.class)
                    .web(WebApplicationType.NONE).properties(Map.copyOf(cluster.springProperties()))
                    .properties("jray.worker.enabled=false", "jray.worker.keep-alive=false").run()) {
                JRay jray = driver.getBean(JRay.class);
                taskPid = jray.get(jray.task(WhereTasks::pid, 1).remote());
            }
        }
    }

    /** A worker whose properties are wrong cannot join. */
    @JRayClusterTest(workers = 1, workerProperties = "jray.node.cpus=-1", startTimeoutSeconds = 60)
    static class BadWorkerTest {

        @Test
        void neverRuns() {
            throw new AssertionError("the class should have failed before its tests");
        }
    }
}
