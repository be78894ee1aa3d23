package io.jray.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.jray.runtime.JRayNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Security on the class path, the {@code jray} actuator endpoint's operations need an
 * authorized user: a write without one is refused, and the node is left as it was.
 */
class SecuredOperationsTests {

    private static RunningDashboard dashboard;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        dashboard = new RunningDashboard("spring.security.user.name=ops", "spring.security.user.password=s3cret");
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
}
