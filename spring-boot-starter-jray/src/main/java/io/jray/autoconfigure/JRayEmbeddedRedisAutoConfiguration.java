package io.jray.autoconfigure;

import java.io.IOException;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.jray.runtime.embedded.EmbeddedRedisServer;

/**
 * The embedded default: with no Redis configured, the node starts a private redis-server on a free
 * loopback port and connects to it; the server stops with the application.
 */
@AutoConfiguration(before = DataRedisAutoConfiguration.class)
@ConditionalOnClass(DataRedisConnectionDetails.class)
@ConditionalOnBooleanProperty(name = "jray.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(DataRedisConnectionDetails.class)
@Conditional(OnEmbeddedRedisCondition.class)
@EnableConfigurationProperties(JRayProperties.class)
public final class JRayEmbeddedRedisAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EmbeddedRedisServer jrayEmbeddedRedisServer(JRayProperties properties) throws IOException {
        JRayProperties.Redis redis = properties.getRedis();
        EmbeddedRedisServer server = EmbeddedRedisServer.start(redis.getEmbeddedExecutable(), redis.getEmbeddedBind(),
                redis.getEmbeddedPort(), Duration.ofSeconds(20));
        // why: stops the server even when the context is not closed; Spring Boot runs these handlers
        // after closing its contexts, so the node leaves the cluster before its Redis goes away
        SpringApplication.getShutdownHandlers().add(server::close);
        return server;
    }

    @Bean
    DataRedisConnectionDetails jrayEmbeddedRedisConnectionDetails(EmbeddedRedisServer server) {
        return new DataRedisConnectionDetails() {
            @Override
            public Standalone getStandalone() {
                return Standalone.of(server.host(), server.port());
            }
        };
    }
}
