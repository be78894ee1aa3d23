package io.jray.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code jray.redis.embedded} is {@code always}, or {@code auto} (the default) and no
 * Redis address is configured under {@code spring.data.redis}.
 */
class OnEmbeddedRedisCondition extends SpringBootCondition {

    private static final List<String> ADDRESS_PROPERTIES = List.of("spring.data.redis.host",
            "spring.data.redis.port", "spring.data.redis.url", "spring.data.redis.sentinel.master",
            "spring.data.redis.sentinel.nodes", "spring.data.redis.cluster.nodes",
            "spring.data.redis.masterreplica.nodes");

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String mode = env.getProperty("jray.redis.embedded", "auto").trim().toLowerCase();
        switch (mode) {
            case "always" -> {
                return ConditionOutcome.match("jray.redis.embedded is always");
            }
            case "never" -> {
                return ConditionOutcome.noMatch("jray.redis.embedded is never");
            }
            case "auto" -> {
                for (String property : ADDRESS_PROPERTIES) {
                    if (env.containsProperty(property)) {
                        return ConditionOutcome.noMatch(property + " configures a Redis");
                    }
                }
                return ConditionOutcome.match("no Redis is configured under spring.data.redis");
            }
            default -> throw new IllegalStateException("jray.redis.embedded must be auto, always or never, was '"
                    + mode + "'");
        }
    }
}
