package io.jray.runtime.function;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A method of a {@code @RemoteTask} bean or of a {@code @RemoteActor} class, as this node can run it.
 * A method returning a {@code CompletableFuture} or a Reactor {@code Mono} has the value it
 * completes with as its result.
 *
 * @param id the function id
 * @param beanName the bean's name
 * @param beanClass the bean's class (not a proxy class)
 * @param method the method
 * @param target supplies the bean itself, never the dispatching proxy; {@code null} for an actor's
 *        method, which runs on the actor instance given to {@link #invokeOn}
 */
public record RegisteredFunction(String id, String beanName, Class<?> beanClass, Method method,
        Supplier<Object> target) {

    /** The id without the package, for messages. */
    public String displayName() {
        return FunctionId.shortName(id);
    }

    /** Whether the method returns a {@link CompletableFuture} whose value is the task's result. */
    public boolean isAsync() {
        return CompletableFuture.class.isAssignableFrom(method.getReturnType());
    }

    /** Whether the method returns a Reactor {@code Mono} whose value is the task's result. */
    public boolean isMono() {
        return MonoResults.MONO.equals(method.getReturnType().getName());
    }

    /**
     * Runs the method on the bean itself and returns its result, awaiting it for asynchronous
     * methods; exceptions thrown by the method are rethrown as they are.
     */
    public Object invoke(Object[] args) throws Exception {
        return invokeOn(target.get(), args);
    }

    /** Runs the method on the given object (an actor instance); as {@link #invoke}. */
    public Object invokeOn(Object instance, Object[] args) throws Exception {
        Object result;
        try {
            result = method.invoke(instance, args);
        }
        catch (InvocationTargetException e) {
            throw rethrowable(e.getCause());
        }
        CompletableFuture<?> future = result instanceof CompletableFuture<?> f && isAsync() ? f
                : result != null && isMono() ? MonoResults.toFuture(result) : null;
        if (future != null) {
            try {
                return future.get();
            }
            catch (ExecutionException e) {
                throw rethrowable(e.getCause());
            }
        }
        return result;
    }

    private static Exception rethrowable(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(t);
    }
}
