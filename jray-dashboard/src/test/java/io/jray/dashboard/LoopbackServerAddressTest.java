package io.jray.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** In jray's embedded default the dashboard's web server binds to loopback, unless the application says otherwise. */
class LoopbackServerAddressTest {

    private static String address(MockEnvironment env) {
        new LoopbackServerAddress().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty("server.address");
    }

    @Test
    void withEmbeddedRedisTheServerBindsToLoopback() {
        assertThat(address(new MockEnvironment())).isEqualTo("127.0.0.1");
        assertThat(address(new MockEnvironment().withProperty("jray.redis.embedded", "always")
                .withProperty("spring.data.redis.host", "redis.example"))).isEqualTo("127.0.0.1");
    }

    @Test
    void anAddressTheApplicationSetsWins() {
        assertThat(address(new MockEnvironment().withProperty("server.address", "0.0.0.0"))).isEqualTo("0.0.0.0");
    }

    @Test
    void aConfiguredRedisOrNoDashboardLeavesTheAddressAlone() {
        assertThat(address(new MockEnvironment().withProperty("spring.data.redis.host", "redis.example"))).isNull();
        assertThat(address(new MockEnvironment().withProperty("jray.dashboard.enabled", "false"))).isNull();
        assertThat(address(new MockEnvironment().withProperty("jray.enabled", "false"))).isNull();
        assertThat(address(new MockEnvironment().withProperty("jray.redis.embedded", "sometimes"))).isNull();
    }
}
