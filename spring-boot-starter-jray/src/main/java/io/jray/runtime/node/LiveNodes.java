package io.jray.runtime.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.Keys;
import io.jray.runtime.core.Resources;

/** Reads fields of every registered node's hash in one pipelined round (blocking, for chores). */
public final class LiveNodes {

    private static final long WAIT_SECONDS = 10;

    private LiveNodes() {
    }

    /** The worker nodes and what they offer ({@code resources} of their registration), by node id. */
    public static Map<String, Resources> workers(ControlPlane control) throws Exception {
        Map<String, Resources> workers = new LinkedHashMap<>();
        fields(control, "resources", "worker").forEach((id, f) -> {
            if (f.get(0).hasValue() && "1".equals(f.get(1).getValueOrElse(""))) {
                workers.put(id, Resources.parseShape(f.get(0).getValue()));
            }
        });
        return workers;
    }

    /** The given fields of every registered node, by node id, in the order asked. */
    public static Map<String, List<KeyValue<String, String>>> fields(ControlPlane control, String... fields)
            throws Exception {
        RedisAsyncCommands<String, String> redis = control.redis().text();
        Keys keys = control.keys();
        Map<String, RedisFuture<List<KeyValue<String, String>>>> reads = new LinkedHashMap<>();
        for (String id : redis.smembers(keys.nodes()).get(WAIT_SECONDS, TimeUnit.SECONDS)) {
            reads.put(id, redis.hmget(keys.node(id), fields));
        }
        Map<String, List<KeyValue<String, String>>> out = new LinkedHashMap<>();
        for (Map.Entry<String, RedisFuture<List<KeyValue<String, String>>>> read : reads.entrySet()) {
            out.put(read.getKey(), read.getValue().get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        return out;
    }
}
