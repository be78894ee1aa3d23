package io.jray.sample;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.runtime.JRayNode;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.embedded.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app as the README runs it: no Redis configured, so it starts its own, then runs the
 * tutorial's three examples at start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.tutorial.exit=false")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private WebTestClient web;

    @Test
    void runsTheTutorialOnAnEmbeddedRedis(CapturedOutput output) {
        EmbeddedRedisServer redis = context.getBean(EmbeddedRedisServer.class);
        assertThat(redis.isRunning()).isTrue();
        assertThat(context.getEnvironment().containsProperty("spring.data.redis.port")).isFalse();

        assertThat(output.getOut())
                .contains("results [0, 1, 2, 3]")
                .contains("product 1000x1000")
                .contains("(the same product computed here: equal)")
                .contains("linear, depth 7: 36")
                .contains("tree,   depth 3: 36")
                .contains("counter value 10")
                .contains("received 15 messages from 3 producers")
                .contains("message 4 from producer 2");
    }

    @Test
    void theDashboardDrawsTheTutorialsAggregationsWithTheirDepths(CapturedOutput output) {
        Matcher linear = Pattern.compile("linear, depth 7: 36 .*task=(\\S+)\\)").matcher(output.getOut());
        Matcher tree = Pattern.compile("tree,   depth 3: 36 .*task=(\\S+)\\)").matcher(output.getOut());
        assertThat(linear.find()).isTrue();
        assertThat(tree.find()).isTrue();

        web.get().uri("/jray/dag?task=" + linear.group(1)).exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("7 layers of tasks, depth 7"));
        web.get().uri("/jray/dag?task=" + tree.group(1)).exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("3 layers of tasks, depth 3"));
        web.get().uri("/jray/tasks?state=F&size=500").exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).contains(linear.group(1), tree.group(1), "Tutorial#add(int,int)"));
        web.get().uri("/jray/task?id=" + tree.group(1)).exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).contains("<h2>Attempts</h2>", "finished", "<h2>Dependencies</h2>"));
        web.get().uri("/actuator/jray").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.node").isEqualTo(context.getBean(JRayNode.class).identity().id());
    }

    @Test
    void theJobsPageListsTheTutorialsJobAndItsGraphHoldsEveryTaskOfIt(CapturedOutput output) {
        Matcher linear = Pattern.compile("linear, depth 7: 36 .*task=(\\S+)\\)").matcher(output.getOut());
        assertThat(linear.find()).isTrue();
        String job = ObjectId.parse(linear.group(1)).job();

        web.get().uri("/jray/jobs").exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).contains("data-job=\"" + job + "\"", "dag?job=" + job + "\""));
        String tasks = web.get().uri("/jray/tasks?job=" + job + "&size=500").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher ids = Pattern.compile("<code>(" + job + "/[^<]+)</code>").matcher(tasks);
        java.util.Set<String> ofJob = new java.util.TreeSet<>();
        while (ids.find()) {
            ofJob.add(ids.group(1));
        }
        assertThat(ofJob).as("the tutorial's tasks in the history").hasSizeGreaterThan(20).contains(linear.group(1));
        String graph = web.get().uri("/jray/dag?job=" + job).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(graph).contains("Every task of job").doesNotContain("the first 5000 only");
        for (String id : ofJob) {
            assertThat(graph).as("the job's graph draws or folds " + id)
                    .containsAnyOf("data-id=\"" + id + "\"", "\"" + id + "\":[");
        }
    }

    @Test
    void anotherInstanceJoinsAsAWorker() throws Exception {
        EmbeddedRedisServer redis = context.getBean(EmbeddedRedisServer.class);
        try (ConfigurableApplicationContext worker = new SpringApplicationBuilder(SampleApplication.class).properties(
                "sample.tutorial.enabled=false", "server.port=0", "spring.data.redis.host=" + redis.host(),
                "spring.data.redis.port=" + redis.port(), "jray.node.resources.second=1").run()) {
            ObjectRef<Integer> sum = context.getBean(JRay.class).task(Tutorial::add, 2, 3)
                    .options(TaskOptions.builder().resource("second", 1).build()).remote();

            assertThat(sum.get(Duration.ofSeconds(30))).isEqualTo(5);
            JRayNode node = context.getBean(JRayNode.class);
            assertThat(node.records().find(ObjectId.parse(sum.id())).node())
                    .isEqualTo(worker.getBean(JRayNode.class).identity().id());
        }
    }

    @Test
    void servesTheTutorialOverHttp() {
        web.get().uri("/tutorial/add?a=2&b=3").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sum").isEqualTo(5);
        web.get().uri("/tutorial/matrix?n=0").exchange()
                .expectStatus().isBadRequest();
    }
}
