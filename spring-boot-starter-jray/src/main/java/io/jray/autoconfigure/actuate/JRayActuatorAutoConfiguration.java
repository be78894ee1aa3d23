package io.jray.autoconfigure.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.runtime.JRayNode;

/** The {@code jray} actuator endpoint, when Actuator is on the class path and the endpoint is exposed. */
@AutoConfiguration(after = JRayAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(JRayNode.class)
@ConditionalOnAvailableEndpoint(JRayEndpoint.class)
public final class JRayActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JRayEndpoint jrayEndpoint(JRayNode node) {
        return new JRayEndpoint(node);
    }
}
