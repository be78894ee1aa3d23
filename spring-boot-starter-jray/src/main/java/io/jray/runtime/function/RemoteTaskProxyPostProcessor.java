package io.jray.runtime.function;

import java.lang.reflect.Modifier;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import io.jray.api.RemoteTask;

/**
 * Turns each {@link RemoteTask} bean into a distributed proxy: a call on the injected bean runs as
 * a task. The bean itself is handed to the {@link FunctionRegistry} first, so that a worker running
 * a task calls it directly and the call is never dispatched again. Runs last, so the proxy wraps
 * whatever other post-processors made of the bean.
 */
public final class RemoteTaskProxyPostProcessor implements BeanPostProcessor, BeanClassLoaderAware, Ordered {

    private final ObjectProvider<FunctionRegistry> registry;
    private final ObjectProvider<ProxyCallDispatcher> dispatcher;
    private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

    public RemoteTaskProxyPostProcessor(ObjectProvider<FunctionRegistry> registry,
            ObjectProvider<ProxyCallDispatcher> dispatcher) {
        this.registry = registry;
        this.dispatcher = dispatcher;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> userClass = ClassUtils.getUserClass(bean);
        if (!AnnotatedElementUtils.hasAnnotation(userClass, RemoteTask.class)) {
            return bean;
        }
        if (Modifier.isFinal(userClass.getModifiers())) {
            throw new IllegalStateException("@RemoteTask class " + userClass.getName() + " must not be final: jray "
                    + "makes the injected bean a proxy that runs calls as tasks");
        }
        FunctionRegistry functions = registry.getObject();
        functions.bindTarget(beanName, bean);
        MethodInterceptor interceptor = invocation -> {
            RegisteredFunction function = functions.forCall(beanName, invocation.getMethod());
            return function == null ? invocation.proceed()
                    : dispatcher.getObject().dispatch(function, invocation.getArguments());
        };
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvice(interceptor);
        return factory.getProxy(classLoader);
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
