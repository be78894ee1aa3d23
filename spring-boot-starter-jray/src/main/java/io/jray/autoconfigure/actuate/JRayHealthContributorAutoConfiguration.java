package io.jray.autoconfigure.actuate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.runtime.JRayNode;

/** The {@code jray} health indicator, when Spring Boot's health support is on the class path. */
@AutoConfiguration(after = JRayAutoConfiguration.class)
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean(JRayNode.class)
@ConditionalOnEnabledHealthIndicator("jray")
public final class JRayHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "jrayHealthIndicator")
    JRayHealthIndicator jrayHealthIndicator(JRayNode node) {
        return new JRayHealthIndicator(node);
    }
}
