package io.jray.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.springframework.core.env.PropertyResolver;

/**
 * Whether jray starts its private {@code redis-server}: when {@code jray.redis.embedded} is
 * {@code always}, or {@code auto} (the default) and no Redis address is configured under
 * {@code spring.data.redis}. Other modules ask it too, such as the dashboard, which then binds the
 * web server to loopback unless {@code server.address} says otherwise.
 *
 * @param embedded whether Redis is embedded
 * @param reason why, for condition reports
 */
public record EmbeddedRedisDecision(boolean embedded, String reason) {

    private static final List<String> ADDRESS_PROPERTIES = List.of("spring.data.redis.host",
            "spring.data.redis.port", "spring.data.redis.url", "spring.data.redis.sentinel.master",
            "spring.data.redis.sentinel.nodes", "spring.data.redis.cluster.nodes",
            "spring.data.redis.masterreplica.nodes");

    /**
     * Decides from the environment.
     *
     * @throws IllegalStateException when {@code jray.redis.embedded} is not auto, always or never
     */
    public static EmbeddedRedisDecision of(PropertyResolver env) {
        String mode = env.getProperty("jray.redis.embedded", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "always" -> new EmbeddedRedisDecision(true, "jray.redis.embedded is always");
            case "never" -> new EmbeddedRedisDecision(false, "jray.redis.embedded is never");
            case "auto" -> {
                for (String property : ADDRESS_PROPERTIES) {
                    if (env.containsProperty(property)) {
                        yield new EmbeddedRedisDecision(false, property + " configures a Redis");
                    }
                }
                yield new EmbeddedRedisDecision(true, "no Redis is configured under spring.data.redis");
            }
            default -> throw new IllegalStateException("jray.redis.embedded must be auto, always or never, was '"
                    + mode + "'");
        };
    }
}
