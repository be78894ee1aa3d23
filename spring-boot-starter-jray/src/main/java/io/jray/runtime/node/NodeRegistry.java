package io.jray.runtime.node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Membership;
import io.jray.runtime.control.NodeField;

/**
 * Registers this node in Redis and keeps it alive: a hash with its identity and resources that
 * expires unless refreshed, refreshed by a heartbeat every interval. Each heartbeat also tells
 * {@link ClusterHealth} whether Redis answers.
 * <p>
 * Every registration has a new <em>epoch</em>, counted in Redis for the whole cluster. A node whose registration
 * lapsed (it was paused past the heartbeat timeout, or Redis lost its data) registers again as a new
 * epoch: what it did under the old one, such as hosting actors that may have restarted elsewhere, no
 * longer counts (see {@code complete.lua}).
 */
public final class NodeRegistry {

    /** How long the mark of a clean leave stays, for the reapers to find. */
    private static final long LEFT_MARK_MILLIS = 10 * 60_000;

    private final ControlPlane control;
    private final NodeIdentity self;
    private final Duration interval;
    private final Duration timeout;
    private final ClusterHealth health;
    private volatile LongConsumer onRegisteredAgain = lapsed -> { };
    private volatile long epoch;
    private volatile Map<String, String> extraFields = Map.of();
    private volatile Supplier<Map<String, String>> load = Map::of;

    public NodeRegistry(ControlPlane control, NodeIdentity self, Duration interval, Duration timeout,
            ClusterHealth health) {
        this.control = control;
        this.self = self;
        this.interval = interval;
        this.timeout = timeout;
        this.health = health;
    }

    /**
     * What runs after the node registered anew because its registration lapsed, given the epoch
     * that lapsed.
     */
    public void whenRegisteredAgain(LongConsumer action) {
        this.onRegisteredAgain = action;
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

    /** The epoch of this node's current registration (0 before the first). */
    public long epoch() {
        return epoch;
    }

    /** Writes this node's hash and adds it to the node set. */
    public void register() throws Exception {
        Membership members = control.membership();
        long next = members.nextEpoch();
        Map<String, String> info = new LinkedHashMap<>();
        info.put(NodeField.EPOCH.code(), Long.toString(next));
        info.put(NodeField.ID.code(), self.id());
        info.put(NodeField.HOST.code(), self.host());
        info.put(NodeField.HOST_ID.code(), self.hostId());
        info.put(NodeField.PID.code(), Long.toString(self.pid()));
        info.put(NodeField.RESOURCES.code(), self.resources().shape());
        info.put(NodeField.WORKER.code(), self.worker() ? "1" : "0");
        info.put(NodeField.STARTED.code(), Long.toString(System.currentTimeMillis()));
        info.put(NodeField.BEAT.code(), Long.toString(System.currentTimeMillis()));
        info.putAll(extraFields);
        // why: a node's first tasks count in a dashboard's history too, not only those after its first heartbeat
        control.recordEvents(members.register(self.id(), info, timeout));
        epoch = next;
        health.onSuccess();
    }

    /**
     * Refreshes the hash and its expiry, registering anew when it lapsed (the node was declared
     * dead, or Redis lost its data); a failure or a late answer counts against health.
     */
    public void beat() {
        try {
            // why: a reaper racing with a re-registration may have removed this node from the set
            control.membership().keepListed(self.id());
            boolean alive = control.beat(self.id(), timeout.toMillis(), load.get())
                    .get(Math.max(1000, interval.toMillis() * 2), TimeUnit.MILLISECONDS);
            health.onSuccess();
            if (!alive) {
                long lapsed = epoch;
                register();
                onRegisteredAgain.accept(lapsed);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (Exception e) {
            health.onFailure(e);
        }
    }

    /** Removes this node's hash and says it left, so that others take back its unfinished work at once. */
    public void deregister() {
        try {
            control.membership().leave(self.id(), Duration.ofMillis(LEFT_MARK_MILLIS));
        }
        catch (Exception e) {
            // why: Redis may be gone at shutdown; the hash then expires by itself
        }
    }
}
