package io.jray.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import reactor.core.publisher.Mono;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.autoconfigure.JRayReactorAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** An ObjectRef is a reactive type: WebFlux and any user of Spring's adapter registry see a Mono of its value. */
class ReactorAdapterTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    @Test
    void aRefAdaptsToAMonoOfItsValueInTheSharedRegistryAndInRegistryBeans() {
        redis.node().withConfiguration(AutoConfigurations.of(JRayReactorAutoConfiguration.class))
                .withUserConfiguration(Arithmetic.class)
                .withBean("webFluxAdapterRegistry", ReactiveAdapterRegistry.class, ReactiveAdapterRegistry::new)
                .run(context -> {
                    JRay jray = context.getBean(JRay.class);
                    ObjectRef<Integer> square = jray.task(Arithmetic::square, 9).remote();
                    for (ReactiveAdapterRegistry registry : new ReactiveAdapterRegistry[] {
                            ReactiveAdapterRegistry.getSharedInstance(), context.getBean(ReactiveAdapterRegistry.class) }) {
                        ReactiveAdapter adapter = registry.getAdapter(ObjectRef.class);
                        assertThat(adapter).isNotNull();
                        assertThat(adapter.isMultiValue()).isFalse();
                        assertThat(Mono.from(adapter.toPublisher(square)).block(TIMEOUT)).isEqualTo(81);
                    }
                });
    }

    @Test
    void aMethodReturningAMonoIsATaskWhoseResultIsTheMonosValueAndItsProxyReturnsAMono() {
        redis.node().withUserConfiguration(Arithmetic.class).run(context -> {
            JRay jray = context.getBean(JRay.class);
            Arithmetic proxy = context.getBean(Arithmetic.class);

            ObjectRef<Mono<Integer>> ref = jray.task(Arithmetic::monoSquare, 6).remote();
            Object value = ref.get(TIMEOUT);
            Mono<Integer> fromProxy = proxy.monoSquare(7);

            assertThat(value).as("the Mono's value, not a Mono").isEqualTo(36);
            assertThat(fromProxy.block(TIMEOUT)).isEqualTo(49);
        });
    }
}
