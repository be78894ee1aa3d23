package io.jray.runtime.control.redis;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Warns when Redis may evict jray's keys: under any {@code maxmemory-policy} but
 * {@code noeviction}, a full Redis silently deletes task records, queues or node registrations
 * (which then look like dead nodes) instead of refusing writes with a clear error.
 */
public final class EvictionCheck {

    private static final Log log = LogFactory.getLog(EvictionCheck.class);

    private EvictionCheck() {
    }

    /** Logs a warning when the policy evicts; returns the policy, or {@code null} when Redis does not say. */
    public static String warnIfEvicting(RedisLink redis) {
        try {
            Map<String, String> config = redis.text().configGet("maxmemory-policy").get(5, TimeUnit.SECONDS);
            String policy = config.get("maxmemory-policy");
            if (policy != null && !policy.equals("noeviction")) {
                log.warn("Redis at " + redis.address() + " evicts keys when it is full (maxmemory-policy=" + policy
                        + "): jray's task records, queues and node registrations may vanish without an error. Set "
                        + "maxmemory-policy noeviction for the Redis jray uses");
            }
            return policy;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (Exception e) {
            // why: managed Redis services often refuse CONFIG; nothing can be checked then
            log.debug("Could not read maxmemory-policy from Redis at " + redis.address() + ": " + e);
            return null;
        }
    }
}
