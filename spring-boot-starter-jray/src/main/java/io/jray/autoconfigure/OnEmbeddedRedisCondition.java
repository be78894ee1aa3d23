package io.jray.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when jray embeds Redis: see {@link EmbeddedRedisDecision}. */
class OnEmbeddedRedisCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        EmbeddedRedisDecision decision = EmbeddedRedisDecision.of(context.getEnvironment());
        return decision.embedded() ? ConditionOutcome.match(decision.reason())
                : ConditionOutcome.noMatch(decision.reason());
    }
}
