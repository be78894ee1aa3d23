package io.jray.autoconfigure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.test.TestRedis;

/**
 * What the auto-configuration tests share: a real Redis of their own for the test class, and a
 * context runner of jray's auto-configurations pointed at it, each context in a namespace of its own.
 */
abstract class ContextOnRedis {

    static TestRedis redis;

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JRayEmbeddedRedisAutoConfiguration.class,
                    DataRedisAutoConfiguration.class, JRayAutoConfiguration.class));

    @BeforeAll
    static void startRedis() {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    /** The runner, with the Redis and a namespace of its own. */
    ApplicationContextRunner withRedis() {
        return runner.withPropertyValues("spring.data.redis.host=" + redis.host(),
                "spring.data.redis.port=" + redis.port(), "jray.namespace=" + TestRedis.uniqueNamespace());
    }
}
