package io.jray.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a user sees when an application cannot start: Boot's "APPLICATION FAILED TO START" report
 * naming the setting at fault and what to do, for real applications started with
 * {@code SpringApplication}; and the configuration metadata IDEs complete {@code jray.*} from.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests extends ContextOnRedis {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    private static void start(String... properties) {
        new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(properties).run().close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jray.heartbeat.timeout=400ms  | jray.heartbeat.timeout  | must be at least twice jray.heartbeat.interval",
            "jray.heartbeat.interval=0s    | jray.heartbeat.interval | must be more than 0",
            "jray.node.cpus=-1             | jray.node.cpus          | must be 0 or more",
            "jray.worker.prefetch=-5       | jray.worker.prefetch    | must be 1 or more",
            "jray.submit.batch=0           | jray.submit.batch       | must be 1 or more",
            "jray.node.resources.gpu=-2    | jray.node.resources     | must be 0 or more" })
    void aSettingOutOfRangeFailsTheStartNamingItAndItsRange(String setting, String property, String range,
            CapturedOutput output) {
        assertThatThrownBy(() -> start("spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
                "jray.namespace=" + TestRedis.uniqueNamespace(), setting)).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Property: " + property)
                .contains(range);
    }

    @Test
    void anUnreachableRedisGetsAReportWithTheAddressAndWhatToDo(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        assertThatThrownBy(() -> start("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port,
                "spring.data.redis.connect-timeout=2s")).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("jray could not reach the Redis that coordinates its cluster")
                .contains("127.0.0.1").contains(Integer.toString(port)).contains("spring.data.redis.host");
    }

    @Test
    void theStarterCarriesConfigurationMetadataWithDescriptions() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"name\": \"jray.worker.keep-alive\"").contains("\"name\": \"jray.heartbeat.timeout\"")
                    .contains("After how long without a heartbeat a node is dead");
        }
    }
}
