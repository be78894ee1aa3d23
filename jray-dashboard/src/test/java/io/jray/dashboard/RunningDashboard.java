package io.jray.dashboard;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

import io.jray.dashboard.app.DashboardApplication;
import io.jray.runtime.JRayNode;
import io.jray.test.TestRedis;

/** A jray node serving the dashboard on a free loopback port, on a Redis of its own; close it after. */
final class RunningDashboard implements AutoCloseable {

    private final TestRedis redis = TestRedis.start();
    private final ReactiveWebServerApplicationContext context;

    RunningDashboard() {
        String[] properties = {"server.port=0", "server.address=127.0.0.1", "jray.namespace=" + TestRedis.uniqueNamespace(),
                "jray.node.cpus=2", "jray.heartbeat.interval=250ms", "spring.data.redis.host=" + redis.host(),
                "spring.data.redis.port=" + redis.port()};
        try {
            context = (ReactiveWebServerApplicationContext) new SpringApplicationBuilder(DashboardApplication.class)
                    .web(WebApplicationType.REACTIVE).properties(properties).run();
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

    String nodeId() {
        return context.getBean(JRayNode.class).identity().id();
    }

    @Override
    public void close() {
        context.close();
        redis.close();
    }
}
