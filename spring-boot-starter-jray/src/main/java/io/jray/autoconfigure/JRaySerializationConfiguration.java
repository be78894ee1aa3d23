package io.jray.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.jray.api.SerializationCustomizer;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.serialization.TypeCollector;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.task.ObjectRefImpl;
import io.jray.runtime.task.ObjectRefType;

/**
 * The codec for values: the types of {@code @RemoteTask} signatures, of
 * {@code jray.serialization.allowed-types} and of {@link SerializationCustomizer} beans are
 * registered; nothing else can be read.
 */
@Configuration(proxyBeanMethods = false)
class JRaySerializationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObjectRefType jrayObjectRefType() {
        return new ObjectRefType();
    }

    @Bean
    @ConditionalOnMissingBean
    ValueCodec jrayValueCodec(FunctionRegistry functions, JRayProperties properties,
            ObjectProvider<SerializationCustomizer> customizers, ObjectRefType refType) {
        TypeCollector types = new TypeCollector(List.of(ObjectRefImpl.class));
        functions.methods().forEach(types::addSignature);
        properties.getSerialization().getAllowedTypes().forEach(types::register);
        customizers.orderedStream().forEach(customizer -> customizer.customize(types));
        return ValueCodec.fory(types.types(), List.of(refType));
    }
}
