package io.jray.runtime.control.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * jray's connections to Redis, opened from the Lettuce client that Spring Boot configured (so
 * Sentinel, TLS and ACL users come from {@code spring.data.redis.*}). One shared connection carries
 * pipelined commands; blocking stream reads get {@linkplain #openBlocking connections of their own}.
 * Keys are strings and values bytes.
 */
public final class RedisLink implements AutoCloseable {

    public static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final String address;
    private final StatefulRedisConnection<String, byte[]> shared;
    private final StatefulRedisConnection<String, String> text;
    private final List<StatefulRedisConnection<String, byte[]>> opened = new CopyOnWriteArrayList<>();

    public RedisLink(AbstractRedisClient nativeClient, String address) {
        if (!(nativeClient instanceof RedisClient redisClient)) {
            throw new IllegalStateException("jray needs a standalone or Sentinel Redis, but spring.data.redis "
                    + "configures " + nativeClient.getClass().getSimpleName() + ": Redis Cluster is not supported yet");
        }
        this.client = redisClient;
        this.address = address;
        this.shared = open(null);
        this.text = redisClient.connect(StringCodec.UTF8);
    }

    /** The shared connection for pipelined commands; never block on it. */
    public RedisAsyncCommands<String, byte[]> async() {
        return shared.async();
    }

    /** A shared connection whose values are text too: sets of ids, locks, node fields. */
    public RedisAsyncCommands<String, String> text() {
        return text.async();
    }

    /** Synchronous commands on the shared connection, for start-up and administration. */
    public RedisCommands<String, byte[]> sync() {
        return shared.sync();
    }

    /** A connection of its own for blocking reads, with a command timeout above their block time. */
    public BlockingConnection openBlocking(Duration timeout) {
        return new BlockingConnection(open(timeout), this);
    }

    /**
     * Bounds how long a command on the shared connections may wait for Redis; commands then fail
     * (Lettuce's own timer, so no timer per call here).
     */
    public void commandTimeout(Duration timeout) {
        shared.setTimeout(timeout);
        text.setTimeout(timeout);
    }

    /** Where Redis is, for messages. */
    public String address() {
        return address;
    }

    private StatefulRedisConnection<String, byte[]> open(Duration timeout) {
        StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
        if (timeout != null) {
            connection.setTimeout(timeout);
        }
        opened.add(connection);
        return connection;
    }

    void forget(StatefulRedisConnection<String, byte[]> connection) {
        opened.remove(connection);
    }

    /** Closes the connections still open (the client may have closed them already, at its own stop). */
    @Override
    public void close() {
        for (StatefulRedisConnection<String, byte[]> connection : opened) {
            if (connection.isOpen()) {
                connection.close();
            }
        }
        opened.clear();
        if (text.isOpen()) {
            text.close();
        }
    }
}
