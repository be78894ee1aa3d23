package io.jray.runtime.node;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lettuce.core.api.async.RedisAsyncCommands;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Keys;

/**
 * Registers this node in Redis and keeps it alive: a hash with its identity and resources that
 * expires unless refreshed, refreshed by a heartbeat every interval. Each heartbeat also tells
 * {@link ClusterHealth} whether Redis answers.
 */
public final class NodeRegistry {

    private final ControlPlane control;
    private final NodeIdentity self;
    private final Duration interval;
    private final Duration timeout;
    private final ClusterHealth health;
    private final Runnable onRegisteredAgain;
    private volatile Map<String, String> extraFields = Map.of();
    private volatile Supplier<Map<String, String>> load = Map::of;

    /** @param onRegisteredAgain runs after the node registered anew because its registration lapsed */
    public NodeRegistry(ControlPlane control, NodeIdentity self, Duration interval, Duration timeout,
            ClusterHealth health, Runnable onRegisteredAgain) {
        this.control = control;
        this.self = self;
        this.interval = interval;
        this.timeout = timeout;
        this.health = health;
        this.onRegisteredAgain = onRegisteredAgain;
    }

    /** Fields other parts of the node add to its registration (where it keeps objects, say). */
    public void addFields(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(extraFields);
        all.putAll(fields);
        extraFields = Map.copyOf(all);
    }

    /**
     * What each heartbeat reports of this node's load, as fields of its hash: {@code free} (whole
     * free CPUs, for locality-aware queueing), running tasks, object store use and the like.
     */
    public void reportLoad(Supplier<Map<String, String>> load) {
        this.load = load;
    }

    public NodeIdentity self() {
        return self;
    }

    public Duration interval() {
        return interval;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Writes this node's hash and adds it to the node set. */
    public void register() throws Exception {
        Keys keys = control.keys();
        Map<String, byte[]> info = new LinkedHashMap<>();
        info.put("id", bytes(self.id()));
        info.put("host", bytes(self.host()));
        info.put("hostId", bytes(self.hostId()));
        info.put("pid", bytes(Long.toString(self.pid())));
        info.put("resources", bytes(self.resources().shape()));
        info.put("worker", bytes(self.worker() ? "1" : "0"));
        info.put("started", bytes(Long.toString(System.currentTimeMillis())));
        info.put("hb", bytes(Long.toString(System.currentTimeMillis())));
        extraFields.forEach((field, value) -> info.put(field, bytes(value)));
        RedisAsyncCommands<String, byte[]> redis = control.redis().async();
        redis.hset(keys.node(self.id()), info).get(30, TimeUnit.SECONDS);
        redis.pexpire(keys.node(self.id()), timeout.toMillis()).get(30, TimeUnit.SECONDS);
        control.redis().text().sadd(keys.nodes(), self.id()).get(30, TimeUnit.SECONDS);
        health.onSuccess();
    }

    /**
     * Refreshes the hash and its expiry, registering anew when it lapsed (the node was declared
     * dead, or Redis lost its data); a failure or a late answer counts against health.
     */
    public void beat() {
        try {
            // why: a reaper racing with a re-registration may have removed this node from the set
            control.redis().text().sadd(control.keys().nodes(), self.id());
            boolean alive = control.beat(self.id(), timeout.toMillis(), load.get())
                    .get(Math.max(1000, interval.toMillis() * 2), TimeUnit.MILLISECONDS);
            health.onSuccess();
            if (!alive) {
                register();
                onRegisteredAgain.run();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            health.onFailure(e);
        }
    }

    /** Removes this node's hash, so that others take back its unfinished work at once. */
    public void deregister() {
        try {
            control.redis().async().del(control.keys().node(self.id())).get(5, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            // why: Redis may be gone at shutdown; the hash then expires by itself
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
