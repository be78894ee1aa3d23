package io.jray.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import io.jray.api.JRay;
import io.jray.runtime.embedded.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis from Testcontainers' {@code @ServiceConnection}, as a user's test declares it: jray takes
 * it through Boot's connection details and starts no embedded server. Skipped (and reported as
 * skipped) where no Docker engine answers; {@code JRayEmbeddedRedisAutoConfigurationTests} checks the
 * same path with a connection-details bean of its own everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ServiceConnectionTests.App.class, properties = "jray.worker.keep-alive=false")
class ServiceConnectionTests {

    @Container
    @ServiceConnection(name = "redis")
    static final GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);

    @Autowired
    private ApplicationContext context;

    @Autowired
    private JRay jray;

    @Test
    void aServiceConnectionIsTheClustersRedis() {
        DataRedisConnectionDetails details = context.getBean(DataRedisConnectionDetails.class);
        assertThat(details.getStandalone().getPort()).isEqualTo(redis.getMappedPort(6379));
        assertThat(context.getBeanNamesForType(EmbeddedRedisServer.class)).isEmpty();
        assertThat(jray.task(Arithmetic::square, 12).remote().get(Duration.ofSeconds(30))).isEqualTo(144);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Arithmetic.class)
    static class App {
    }
}
