package io.jray.autoconfigure.actuate;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.runtime.JRayNode;
import io.jray.runtime.core.TaskObservations;

/**
 * Observations of the node's tasks in the application's {@link ObservationRegistry} (Spring Boot
 * makes one with Actuator), so metrics and traces follow every task from caller to worker.
 */
@AutoConfiguration(after = JRayAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnBean({JRayNode.class, ObservationRegistry.class})
public final class JRayObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TaskObservations jrayTaskObservations(JRayNode node, ObservationRegistry registry) {
        TaskObservations observations = new TaskObservations(registry);
        node.observeWith(observations);
        return observations;
    }
}
