package io.jray.api;

/**
 * A bean that registers extra types for serialization, beyond those found in the signatures of
 * {@link RemoteTask} methods and those named in {@code jray.serialization.allowed-types}.
 *
 * <pre>{@code
 * @Bean
 * SerializationCustomizer shapes() {
 *     return types -> types.register(Circle.class, Square.class);
 * }
 * }</pre>
 *
 * Every node must register the same types.
 */
@FunctionalInterface
public interface SerializationCustomizer {

    void customize(TypeRegistrar registrar);
}
