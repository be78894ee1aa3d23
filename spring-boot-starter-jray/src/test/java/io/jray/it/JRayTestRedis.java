package io.jray.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.test.TestRedis;

/**
 * One real Redis for the tests of a class (register it as a static {@code @RegisterExtension}
 * field), and context runners for jray nodes on it. Each runner's context is one node of the JVM;
 * nodes given the same namespace form one cluster.
 */
final class JRayTestRedis implements BeforeAllCallback, AfterAllCallback {

    private TestRedis redis;

    @Override
    public void beforeAll(ExtensionContext context) {
        redis = TestRedis.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (redis != null) {
            redis.close();
        }
    }

    TestRedis redis() {
        return redis;
    }

    /** A node of a cluster of its own. */
    ApplicationContextRunner node() {
        return node(TestRedis.uniqueNamespace());
    }

    /** A node of the cluster of {@code namespace}: two CPUs, quick heartbeats, a short shutdown. */
    ApplicationContextRunner node(String namespace) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, JRayAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
                        "jray.namespace=" + namespace, "jray.node.cpus=2", "jray.heartbeat.interval=250ms",
                        "jray.heartbeat.timeout=2s", "jray.worker.shutdown-grace=2s");
    }
}
