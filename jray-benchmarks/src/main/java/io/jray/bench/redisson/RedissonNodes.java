package io.jray.bench.redisson;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** How every Redisson client of the benchmark is made, so the driver and the workers agree. */
final class RedissonNodes {

    static final String EXECUTOR = "bench";

    private RedissonNodes() {
    }

    /** A client with Redisson's defaults (its default codec included) for a Redis on loopback. */
    static RedissonClient connect(String host, int port) {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + host + ":" + port);
        return Redisson.create(config);
    }
}
