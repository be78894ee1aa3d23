package io.jray.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.jray.api.JRay;
import io.jray.api.RemoteTask;
import io.jray.runtime.JRayNode;
import io.jray.runtime.embedded.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default: with no Redis configured the node starts a private redis-server; any Redis
 * address under {@code spring.data.redis}, or {@code jray.redis.embedded=never}, turns it off.
 */
class JRayEmbeddedRedisAutoConfigurationTests {

    private final ApplicationContextRunner embeddedOnly = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JRayEmbeddedRedisAutoConfiguration.class));

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JRayEmbeddedRedisAutoConfiguration.class,
                    DataRedisAutoConfiguration.class, JRayAutoConfiguration.class));

    @Test
    void withNoRedisConfiguredAnEmbeddedServerStartsServesTheNodeAndStopsWithTheContext() {
        EmbeddedRedisServer[] server = new EmbeddedRedisServer[1];
        application.withUserConfiguration(Squares.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedRedisServer.class);
            server[0] = context.getBean(EmbeddedRedisServer.class);
            assertThat(server[0].isRunning()).isTrue();
            assertThat(server[0].host()).isEqualTo("127.0.0.1");
            assertThat(server[0].port()).isNotEqualTo(6379);
            LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
            assertThat(factory.getPort()).isEqualTo(server[0].port());
            assertThat(context.getBean(JRayNode.class).control().redis().address())
                    .isEqualTo("127.0.0.1:" + server[0].port());

            JRay jray = context.getBean(JRay.class);
            assertThat(jray.task(Squares::square, 12).remote().get(Duration.ofSeconds(30))).isEqualTo(144);
        });

        assertThat(server[0].isRunning()).as("embedded server after the context closed").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring.data.redis.host=redis.example", "spring.data.redis.port=6380",
            "spring.data.redis.url=redis://redis.example:6379", "spring.data.redis.sentinel.master=main",
            "spring.data.redis.sentinel.nodes=s1:26379", "spring.data.redis.cluster.nodes=c1:6379",
            "spring.data.redis.masterreplica.nodes=m1:6379"})
    void anyConfiguredRedisAddressMeansNoEmbeddedServer(String property) {
        embeddedOnly.withPropertyValues(property)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedRedisServer.class)
                        .doesNotHaveBean(DataRedisConnectionDetails.class));
    }

    @Test
    void embeddedNeverMeansNoEmbeddedServerEvenWithNoRedisConfigured() {
        embeddedOnly.withPropertyValues("jray.redis.embedded=never")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedRedisServer.class));
    }

    @Test
    void jrayDisabledMeansNoEmbeddedServer() {
        embeddedOnly.withPropertyValues("jray.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedRedisServer.class));
    }

    @Test
    void embeddedAlwaysStartsAServerAndPointsTheConnectionAtItDespiteAConfiguredAddress() {
        embeddedOnly.withPropertyValues("jray.redis.embedded=always", "spring.data.redis.host=redis.example")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EmbeddedRedisServer.class);
                    EmbeddedRedisServer server = context.getBean(EmbeddedRedisServer.class);
                    DataRedisConnectionDetails details = context.getBean(DataRedisConnectionDetails.class);
                    assertThat(details.getStandalone().getHost()).isEqualTo(server.host());
                    assertThat(details.getStandalone().getPort()).isEqualTo(server.port());
                });
    }

    @Test
    void userDefinedConnectionDetailsMeanNoEmbeddedServer() {
        embeddedOnly.withUserConfiguration(ConnectionDetailsConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedRedisServer.class));
    }

    @Test
    void anUnknownEmbeddedModeFailsTheStartupNamingThePropertyAndItsValues() {
        embeddedOnly.withPropertyValues("jray.redis.embedded=bogus").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause()
                .hasMessageContaining("jray.redis.embedded must be auto, always or never, was 'bogus'"));
    }

    @RemoteTask
    public static class Squares {

        public int square(int x) {
            return x * x;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ConnectionDetailsConfiguration {

        @Bean
        DataRedisConnectionDetails userConnectionDetails() {
            return new DataRedisConnectionDetails() {
                @Override
                public Standalone getStandalone() {
                    return Standalone.of("redis.example", 6379);
                }
            };
        }
    }
}
