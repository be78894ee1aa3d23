package io.jray.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {

    @Test
    void runsATask() {
        try (TestRedis redis = TestRedis.start()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, JRayAutoConfiguration.class))
                    .withUserConfiguration(Arithmetic.class)
                    .withPropertyValues("spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        JRay jray = context.getBean(JRay.class);
                        ObjectRef<Integer> ref = jray.task(Arithmetic::add, 1, 2).remote();
                        assertThat(ref.get(Duration.ofSeconds(10))).isEqualTo(3);
                    });
        }
    }
}
