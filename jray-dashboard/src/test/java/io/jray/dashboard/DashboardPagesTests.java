package io.jray.dashboard;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.dashboard.app.Tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's pages and live stream, served by a real node on a real Redis. */
class DashboardPagesTests {

    private static RunningDashboard dashboard;
    private static ReactiveWebServerApplicationContext context;
    private static HttpClient http;
    private static String base;

    @BeforeAll
    static void start() {
        dashboard = new RunningDashboard();
        context = dashboard.context();
        base = dashboard.base();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String self() {
        return dashboard.nodeId();
    }

    @Test
    void theOverviewShowsTheClusterFigures() throws Exception {
        HttpResponse<String> page = get("/jray");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Overview</h1>", "data-live=\"nodes\"", self(), "CPU slots");
    }

    @Test
    void theNodesPageListsThisNodeWithItsLoad() throws Exception {
        HttpResponse<String> page = get("/jray/nodes");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Nodes</h1>", self() + "</code><span> (this node)", "worker", "cpu=2",
                "running", "free");
    }

    @Test
    void theLiveStreamPushesTheOverviewFigures() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/jray/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(lines.readLine()).isEqualTo("event:overview");
            assertThat(lines.readLine()).startsWith("data:{").contains("\"nodes\":1", "\"cpus\":2");
        }
    }

    @Test
    void theActorsPageListsLiveActorsWithTheirNodeAndName() throws Exception {
        JRay jray = context.getBean(JRay.class);
        ActorHandle<Tally> tally = jray.actor(Tally.class).name("tally-1").remote();
        assertThat(tally.task(Tally::add, 3).remote().get(Duration.ofSeconds(30))).isEqualTo(3);

        HttpResponse<String> page = get("/jray/actors");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Actors</h1>", "io.jray.dashboard.app.Tally", "tally-1", "alive", self());
    }

    @Test
    void theObjectsPageShowsEachStoreAgainstItsLimit() throws Exception {
        JRay jray = context.getBean(JRay.class);
        ObjectRef<byte[]> kept = jray.put(new byte[4 << 20]);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/jray/objects").body())
                .contains("<h1>Objects</h1>", self(), "4.0 MiB of"));
        assertThat(kept.isReady()).as("the ref stays reachable, so the object is not freed meanwhile").isTrue();
    }

    @Test
    void staticFilesComeFromTheModule() throws Exception {
        assertThat(get("/jray/live.js").body()).contains("EventSource");
        assertThat(get("/jray/dashboard.css").statusCode()).isEqualTo(200);
    }
}
