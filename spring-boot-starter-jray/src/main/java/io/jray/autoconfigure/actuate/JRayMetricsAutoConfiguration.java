package io.jray.autoconfigure.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.jray.autoconfigure.JRayAutoConfiguration;
import io.jray.runtime.JRayNode;

/** Micrometer metrics of the jray node, when Micrometer is on the class path. */
@AutoConfiguration(after = JRayAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(JRayNode.class)
public final class JRayMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JRayMetrics jrayMetrics(JRayNode node) {
        return new JRayMetrics(node);
    }
}
