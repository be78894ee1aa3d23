package io.jray.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.dashboard.app.Adder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The task page says what a task asks for, and that no live node offers it while that is so. */
class InfeasibleTaskPageTests {

    @Test
    void aTaskAskingForAGpuNoNodeHasShowsItsResourcesAndInfeasible() throws Exception {
        try (RunningDashboard dashboard = new RunningDashboard()) {
            JRay jray = dashboard.context().getBean(JRay.class);
            ObjectRef<Integer> gpu = jray.task(Adder::add, 1, 2)
                    .options(TaskOptions.builder().resource("gpu", 1).build()).remote();
            ObjectRef<Integer> plain = jray.task(Adder::add, 2, 3).remote();
            assertThat(plain.get(Duration.ofSeconds(30))).isEqualTo(5);
            String path = "/jray/task?id=" + URLEncoder.encode(gpu.id(), StandardCharsets.UTF_8);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dashboard.get(path).body())
                    .contains("<th>asks for</th>", "<code>cpu=1,gpu=1</code>", "infeasible: no live node offers it"));
            assertThat(dashboard.get("/jray/task?id=" + URLEncoder.encode(plain.id(), StandardCharsets.UTF_8)).body())
                    .contains("<code>cpu=1</code>").doesNotContain("infeasible: no live node offers it");
        }
    }
}
