package io.jray.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

import io.jray.dashboard.app.DashboardApplication;
import io.jray.runtime.JRayNode;
import io.jray.test.TestRedis;

/** A jray node serving the dashboard on a free loopback port, on a Redis of its own, and a client for it; close it after. */
final class RunningDashboard implements AutoCloseable {

    /** Spring Security's reactive auto-configurations (the test class path has Spring Security). */
    static final List<String> SECURITY = List.of(
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
                    + "ReactiveManagementWebSecurityAutoConfiguration");

    private final TestRedis redis = TestRedis.start();
    private final String namespace = TestRedis.uniqueNamespace();
    private final ReactiveWebServerApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Without Spring Security (its auto-configurations are excluded), as most applications run it. */
    RunningDashboard() {
        this("spring.autoconfigure.exclude=" + String.join(",", SECURITY));
    }

    /** With extra properties, such as Spring Security's user. */
    RunningDashboard(String... extra) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "jray.namespace=" + namespace, "jray.node.cpus=2", "jray.heartbeat.interval=250ms",
                "spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
                "management.endpoints.web.exposure.include=jray,health"));
        properties.addAll(List.of(extra));
        try {
            context = (ReactiveWebServerApplicationContext) new SpringApplicationBuilder(DashboardApplication.class)
                    .web(WebApplicationType.REACTIVE).properties(properties.toArray(String[]::new)).run();
        }
        catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    ReactiveWebServerApplicationContext context() {
        return context;
    }

    /** Such as {@code http://127.0.0.1:41234}. */
    String base() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    /** A client for this dashboard's pages; closed with it. */
    HttpClient http() {
        return http;
    }

    /** {@code GET} of a path of this dashboard, such as {@code /jray/tasks}. */
    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The properties that make another application a node of this dashboard's cluster. */
    String[] clusterProperties() {
        return new String[] {"spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
                "jray.namespace=" + namespace, "jray.heartbeat.interval=250ms"};
    }

    String nodeId() {
        return context.getBean(JRayNode.class).identity().id();
    }

    @Override
    public void close() {
        http.close();
        context.close();
        redis.close();
    }
}
