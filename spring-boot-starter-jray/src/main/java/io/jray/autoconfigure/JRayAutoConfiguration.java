package io.jray.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.jray.runtime.function.FunctionRegistry;
import io.jray.runtime.function.ProxyCallDispatcher;
import io.jray.runtime.function.RemoteTaskProxyPostProcessor;

/**
 * Makes the application a jray node: a driver that submits tasks and, unless
 * {@code jray.worker.enabled=false}, a worker that runs the tasks of its {@code @RemoteTask} beans.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnClass(LettuceConnectionFactory.class)
@ConditionalOnBooleanProperty(name = "jray.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JRayProperties.class)
@Import({ JRaySerializationConfiguration.class, JRayNodeConfiguration.class, JRayNodePartsConfiguration.class,
        JRayDriverConfiguration.class })
public final class JRayAutoConfiguration {

    @Bean
    static RemoteTaskProxyPostProcessor jrayRemoteTaskProxyPostProcessor(ObjectProvider<FunctionRegistry> functions,
            ObjectProvider<ProxyCallDispatcher> dispatcher) {
        return new RemoteTaskProxyPostProcessor(functions, dispatcher);
    }

    @Bean
    @ConditionalOnMissingBean
    FunctionRegistry jrayFunctionRegistry(ListableBeanFactory beanFactory) {
        return new FunctionRegistry(beanFactory);
    }
}
