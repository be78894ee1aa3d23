package io.jray.autoconfigure;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ReactiveTypeDescriptor;

import io.jray.api.ObjectRef;

/**
 * Registers {@link ObjectRef} as a single-value reactive type in Spring's shared
 * {@link ReactiveAdapterRegistry} and in every registry bean (WebFlux keeps one of its own). A ref
 * becomes a {@code Mono} of its value; a publisher cannot become a ref (a ref names a task or a put).
 */
final class ObjectRefReactiveAdapter implements BeanPostProcessor {

    ObjectRefReactiveAdapter() {
        register(ReactiveAdapterRegistry.getSharedInstance());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ReactiveAdapterRegistry registry) {
            register(registry);
        }
        return bean;
    }

    static void register(ReactiveAdapterRegistry registry) {
        if (registry.getAdapter(ObjectRef.class) != null) {
            return;
        }
        registry.registerReactiveType(ReactiveTypeDescriptor.singleOptionalValue(ObjectRef.class, () -> null),
                ref -> Mono.fromFuture(() -> ((ObjectRef<?>) ref).toFuture()),
                publisher -> {
                    throw new UnsupportedOperationException("a publisher cannot become an ObjectRef: put its value "
                            + "with JRay.put, or submit a task");
                });
    }
}
