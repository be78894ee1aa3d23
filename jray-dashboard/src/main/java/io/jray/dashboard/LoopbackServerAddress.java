package io.jray.dashboard;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.jray.autoconfigure.EmbeddedRedisDecision;

/**
 * In jray's embedded default (no Redis configured), the dashboard's application binds its web
 * server to loopback: {@code server.address=127.0.0.1} as the lowest-precedence default, so any
 * {@code server.address} the application sets wins, and a cluster with a configured Redis is left
 * as Spring Boot binds it.
 */
class LoopbackServerAddress implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "jrayDashboardLoopback";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("server.address")
                || !environment.getProperty("jray.dashboard.enabled", Boolean.class, true)
                || !environment.getProperty("jray.enabled", Boolean.class, true)) {
            return;
        }
        EmbeddedRedisDecision decision;
        try {
            decision = EmbeddedRedisDecision.of(environment);
        }
        catch (IllegalStateException e) {
            // why: the auto-configuration reports the bad setting with its own message
            return;
        }
        if (decision.embedded()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of("server.address", "127.0.0.1")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
