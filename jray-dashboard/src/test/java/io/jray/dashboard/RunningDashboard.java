package io.jray.dashboard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private final HttpClient http = newClient();

    /** Without Spring Security (its auto-configurations are excluded), as most applications run it. */
    RunningDashboard() {
        this(withoutSecurity());
    }

    /** The property that excludes Spring Security's auto-configurations. */
    static String withoutSecurity() {
        return "spring.autoconfigure.exclude=" + String.join(",", SECURITY);
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

    /**
     * GETs a path of this dashboard, such as {@code /jray/tasks}, on this client's keep-alive
     * connections, as a browser does. One that takes over 10 s prints the JVM's threads and what a
     * second, fresh connection gets for the same path to stderr, then is waited for up to 25 s more:
     * a stall shows whether the server still answers, and what waited.
     */
    HttpResponse<String> get(String path) throws Exception {
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
        try {
            return response.get(10, TimeUnit.SECONDS);
        }
        catch (TimeoutException slow) {
            System.err.println("GET " + path + " has taken over 10 s; " + probe(path) + "; the threads of this JVM:\n"
                    + threadDump());
            try {
                return response.get(25, TimeUnit.SECONDS);
            }
            catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).build();
    }

    private String probe(String path) {
        long start = System.nanoTime();
        HttpClient client = newClient();
        try {
            int status = client.sendAsync(request(path), HttpResponse.BodyHandlers.discarding())
                    .get(5, TimeUnit.SECONDS).statusCode();
            return "a fresh connection got " + status + " in " + (System.nanoTime() - start) / 1_000_000 + " ms";
        }
        catch (Exception e) {
            return "a fresh connection got no answer either (" + e + ")";
        }
        finally {
            client.shutdownNow();
        }
    }

    // why: the dashboard serves HTTP/1.1; the client's default (HTTP/2) adds an h2c upgrade attempt to every new connection
    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String threadDump() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState())
                    .append(thread.getLockName() == null ? "" : " on " + thread.getLockName()).append('\n');
            StackTraceElement[] frames = thread.getStackTrace();
            for (int i = 0; i < Math.min(40, frames.length); i++) {
                out.append("    at ").append(frames[i]).append('\n');
            }
        }
        return out.toString();
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
