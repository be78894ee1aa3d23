package io.jray.autoconfigure;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ReactiveAdapterRegistry;

/**
 * Makes {@link io.jray.api.ObjectRef} a reactive type when Reactor is on the class path: a WebFlux
 * controller may return a ref (answered once its value is ready), and any code can adapt one to a
 * {@code Mono} through Spring's {@link ReactiveAdapterRegistry}.
 */
@AutoConfiguration(after = JRayAutoConfiguration.class)
@ConditionalOnClass({ Mono.class, ReactiveAdapterRegistry.class })
public final class JRayReactorAutoConfiguration {

    @Bean
    static ObjectRefReactiveAdapter jrayObjectRefReactiveAdapter() {
        return new ObjectRefReactiveAdapter();
    }
}
