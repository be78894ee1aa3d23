package io.jray.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import io.jray.api.SerializationCustomizer;
import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.serialization.TypeCollector;
import io.jray.runtime.serialization.ValueCodec;
import io.jray.runtime.task.ActorHandleType;
import io.jray.runtime.task.DefaultActorHandle;
import io.jray.runtime.task.ObjectRefImpl;
import io.jray.runtime.task.ObjectRefType;

/**
 * The codec for values: the types of {@code @RemoteTask} and {@code @RemoteActor} signatures
 * (actor constructors included), of {@code jray.serialization.allowed-types} and of
 * {@link SerializationCustomizer} beans are registered; nothing else can be read.
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
    ActorHandleType jrayActorHandleType(ResourceLoader resourceLoader) {
        return new ActorHandleType(resourceLoader.getClassLoader());
    }

    @Bean
    @ConditionalOnMissingBean
    ValueCodec jrayValueCodec(FunctionRegistry functions, JRayProperties properties,
            ObjectProvider<SerializationCustomizer> customizers, ObjectRefType refType, ActorHandleType handleType) {
        TypeCollector types = new TypeCollector(List.of(ObjectRefImpl.class, DefaultActorHandle.class));
        functions.methods().forEach(types::addSignature);
        functions.actorClasses().forEach(actor -> Arrays.stream(actor.getConstructors()).forEach(types::addParameters));
        properties.getSerialization().getAllowedTypes().forEach(types::register);
        customizers.orderedStream().forEach(customizer -> customizer.customize(types));
        return ValueCodec.fory(types.types(), List.of(refType, handleType));
    }
}
