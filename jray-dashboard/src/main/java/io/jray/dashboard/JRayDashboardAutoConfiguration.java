package io.jray.dashboard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.runtime.JRayNode;

/**
 * The jray dashboard under {@code /jray}, in any reactive web application that is a jray node and
 * has this module on its class path; {@code jray.dashboard.enabled=false} turns it off. It only
 * reads: nothing on its pages changes the cluster.
 */
@AutoConfiguration(after = JRayAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(JRayNode.class)
@ConditionalOnBooleanProperty(name = "jray.dashboard.enabled", matchIfMissing = true)
public final class JRayDashboardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DashboardController jrayDashboardController(JRayNode node) {
        return new DashboardController(node);
    }
}
