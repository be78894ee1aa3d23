package io.jray.dashboard;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskCancelledException;
import io.jray.dashboard.app.Sleeper;
import io.jray.runtime.JRayNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With Spring Security on the class path, the {@code jray} actuator endpoint's operations and the
 * dashboard's write actions need an authorized user (and a form's CSRF token): a write without one
 * is refused, and the cluster is left as it was.
 */
class SecuredOperationsTests {

    private static RunningDashboard dashboard;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        dashboard = new RunningDashboard("spring.security.user.name=ops", "spring.security.user.password=s3cret",
                "jray.dashboard.write-actions=true");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager()).build();
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

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteOperationWithoutAnAuthorizedUserIsRefused() throws Exception {
        URI endpoint = URI.create(dashboard.base() + "/actuator/jray");
        String drain = "{\"action\":\"drain\",\"target\":\"" + dashboard.nodeId() + "\"}";

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(drain)));
        HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").header("Authorization", basic("ops", "guess"))
                .POST(HttpRequest.BodyPublishers.ofString(drain)));

        // why: WebFlux security checks the CSRF token of a POST first (403), then the user (401)
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(wrongPassword.statusCode()).isIn(401, 403);
        assertThat(dashboard.context().getBean(JRayNode.class).isDraining()).as("the node drains").isFalse();
        assertThat(send(HttpRequest.newBuilder(endpoint).header("Authorization", basic("ops", "s3cret")).GET())
                .statusCode()).as("the read with the user").isEqualTo(200);
    }

    @Test
    void theDashboardsWriteActionsNeedTheUserAndTheFormsCsrfToken() throws Exception {
        JRay jray = dashboard.context().getBean(JRay.class);
        ObjectRef<Long> slow = jray.task(Sleeper::sleep, 20_000L).remote();
        URI cancel = URI.create(dashboard.base() + "/jray/task/cancel");
        String form = "id=" + URLEncoder.encode(slow.id(), StandardCharsets.UTF_8);

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(cancel)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(slow.isReady()).as("the task runs on").isFalse();

        String page = send(HttpRequest.newBuilder(URI.create(dashboard.base() + "/jray/task?id=" + slow.id()))
                .header("Authorization", basic("ops", "s3cret")).GET()).body();
        Matcher token = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">").matcher(page);
        assertThat(token.find()).as("the cancel form carries the CSRF token").isTrue();
        HttpResponse<String> authorized = send(HttpRequest.newBuilder(cancel).header("Authorization", basic("ops", "s3cret"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        form + "&" + token.group(1) + "=" + URLEncoder.encode(token.group(2), StandardCharsets.UTF_8))));

        assertThat(authorized.statusCode()).isEqualTo(303);
        assertThatThrownBy(() -> slow.get(Duration.ofSeconds(30))).isInstanceOf(TaskCancelledException.class);
    }
}
