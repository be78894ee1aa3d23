package io.jray.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/grafana/jray-dashboard.json} against what a running node really exports: every jray
 * metric its queries name is in the node's {@code /actuator/prometheus} scrape, after the tutorial's
 * tasks and actor ran, with the {@code application} label its variable selects by.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sample.tutorial.enabled=false")
@AutoConfigureWebTestClient
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "jray-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\bjray_[a-z_]+");

    @Autowired
    private WebTestClient web;

    @Autowired
    private TutorialExamples examples;

    @Test
    @SuppressWarnings("unchecked")
    void everyMetricTheDashboardQueriesIsExportedByANode() throws IOException, InterruptedException {
        assertThat(examples.parallelTasks().value()).containsExactly(0, 1, 2, 3);
        assertThat(examples.counter().value()).isEqualTo(10);

        String scrape = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Set<String> exported = scrape.lines().filter(line -> line.startsWith("jray_"))
                .map(line -> line.substring(0, line.indexOf(line.contains("{") ? '{' : ' ')))
                .collect(Collectors.toSet());
        assertThat(scrape).contains("application=\"jray-sample\"");

        Map<String, Object> dashboard = JsonParserFactory.getJsonParser().parseMap(Files.readString(DASHBOARD));
        assertThat(dashboard).containsKeys("uid", "title", "panels", "templating", "schemaVersion");
        List<String> queries = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            assertThat(panel).containsKeys("title", "type", "gridPos", "targets");
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                queries.add((String) target.get("expr"));
            }
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(14);
        Set<String> named = new java.util.TreeSet<>();
        for (String query : queries) {
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                named.add(metric.group());
            }
        }
        assertThat(named).as("the jray metrics the dashboard queries").hasSizeGreaterThanOrEqualTo(9);
        assertThat(exported).as("what /actuator/prometheus exports").containsAll(named);
    }
}
