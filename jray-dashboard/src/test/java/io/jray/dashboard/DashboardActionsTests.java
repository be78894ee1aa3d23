package io.jray.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.jray.api.ActorDiedException;
import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskCancelledException;
import io.jray.dashboard.app.Sleeper;
import io.jray.dashboard.app.Tally;
import io.jray.runtime.JRayNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's write actions: refused with the setting to change while the dashboard is
 * read-only (the default); with {@code jray.dashboard.write-actions=true} a form post cancels a
 * task, kills an actor and drains a node, and bad or unknown ids get a 400 or 404 with the reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardActionsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static RunningDashboard readOnly;
    private static RunningDashboard writable;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        readOnly = new RunningDashboard();
        writable = new RunningDashboard("jray.dashboard.write-actions=true",
                "spring.autoconfigure.exclude=" + String.join(",", RunningDashboard.SECURITY));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (readOnly != null) {
            readOnly.close();
        }
        if (writable != null) {
            writable.close();
        }
    }

    static HttpResponse<String> post(RunningDashboard dashboard, String path, String field, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(dashboard.base() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String page(RunningDashboard dashboard, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(dashboard.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    @Order(1)
    void aReadOnlyDashboardRefusesWriteActionsAndShowsNoButtons() throws Exception {
        JRay jray = readOnly.context().getBean(JRay.class);
        ObjectRef<Long> slow = jray.task(Sleeper::sleep, 1500L).remote();
        assertThat(page(readOnly, "/jray/task?id=" + slow.id())).doesNotContain("data-action=\"cancel\"");

        HttpResponse<String> refused = post(readOnly, "/jray/task/cancel", "id", slow.id());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Write actions are off", "jray.dashboard.write-actions=true");
        assertThat(slow.get(TIMEOUT)).as("the task ran on").isEqualTo(1500L);
        assertThat(post(readOnly, "/jray/nodes/drain", "node", readOnly.nodeId()).statusCode()).isEqualTo(403);
        assertThat(readOnly.context().getBean(JRayNode.class).isDraining()).isFalse();
    }

    @Test
    @Order(2)
    void aWritableDashboardCancelsATaskFromItsPage() throws Exception {
        JRay jray = writable.context().getBean(JRay.class);
        ObjectRef<Long> slow = jray.task(Sleeper::sleep, 20_000L).remote();
        await().atMost(TIMEOUT).until(() -> page(writable, "/jray/task?id=" + slow.id()).contains("data-action=\"cancel\""));

        HttpResponse<String> done = post(writable, "/jray/task/cancel", "id", slow.id());

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/jray/task?id=" + URLEncoder.encode(slow.id(), StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> slow.get(TIMEOUT)).isInstanceOf(TaskCancelledException.class);
        assertThat(page(writable, "/jray/task?id=" + slow.id())).contains("cancelled").doesNotContain("data-action=\"cancel\"");
    }

    @Test
    @Order(3)
    void aWritableDashboardKillsAnActor() throws Exception {
        JRay jray = writable.context().getBean(JRay.class);
        ActorHandle<Tally> tally = jray.actor(Tally.class).name("tally-to-kill").remote();
        assertThat(tally.task(Tally::add, 1).remote().get(TIMEOUT)).isEqualTo(1);
        assertThat(page(writable, "/jray/actors")).contains("tally-to-kill", "data-action=\"kill\"");
        String actorId = writable.context().getBean(JRayNode.class).operations().actors(100).stream()
                .filter(actor -> "tally-to-kill".equals(actor.name())).findFirst().orElseThrow().id();

        assertThat(post(writable, "/jray/actors/kill", "id", actorId).statusCode()).isEqualTo(303);

        assertThatThrownBy(() -> tally.task(Tally::add, 1).remote().get(TIMEOUT)).isInstanceOf(ActorDiedException.class);
    }

    @Test
    @Order(4)
    void badOrUnknownIdsGetTheReason() throws Exception {
        assertThat(post(writable, "/jray/task/cancel", "id", "no-slash")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("id must be an id of the form job/id");
        });
        assertThat(post(writable, "/jray/actors/kill", "id", "jnone/anone")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("no actor has the id jnone/anone");
        });
        assertThat(post(writable, "/jray/nodes/drain", "node", "nobody")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("no live node has the id &#39;nobody&#39;");
        });
    }

    @Test
    @Order(5)
    void aWritableDashboardDrainsANode() throws Exception {
        assertThat(page(writable, "/jray/nodes")).contains("data-action=\"drain\"");

        assertThat(post(writable, "/jray/nodes/drain", "node", writable.nodeId()).statusCode()).isEqualTo(303);

        await().atMost(TIMEOUT).until(writable.context().getBean(JRayNode.class)::isDraining);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(page(writable, "/jray/nodes")).contains("draining")
                .doesNotContain("data-action=\"drain\""));
    }
}
