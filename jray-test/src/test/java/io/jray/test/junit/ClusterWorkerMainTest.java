package io.jray.test.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jray.test.junit.app.KitApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ClusterWorkerMainTest {

    @Test
    void aWorkerStopsWhenTheJvmThatStartedItIsGone() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        String java = ProcessHandle.current().info().command().orElseThrow();
        WorkerJvm worker = WorkerJvm.start(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-D" + ClusterWorkerMain.PARENT_PID + "=" + parent.pid(), "-cp", System.getProperty("java.class.path"),
                ClusterWorkerMain.class.getName(), KitApplication.class.getName(), "--jray.redis.embedded=always",
                "--spring.main.web-application-type=none"), Path.of("target", "jray-test", "orphan-" + parent.pid() + ".log"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> worker.output().contains("joined the cluster"));
            assertThat(worker.isAlive()).isTrue();
            parent.destroyForcibly().waitFor();
            await().atMost(Duration.ofSeconds(30)).until(() -> !worker.isAlive());
            assertThat(worker.output()).contains("the test JVM " + parent.pid() + " is gone");
        }
        finally {
            parent.destroyForcibly();
            worker.kill();
        }
    }
}
