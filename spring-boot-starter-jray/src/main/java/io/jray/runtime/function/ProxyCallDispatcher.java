package io.jray.runtime.function;

/** Runs a call made on a {@code @RemoteTask} proxy as a task, and returns what the call returns. */
@FunctionalInterface
public interface ProxyCallDispatcher {

    /**
     * Submits the call; for a method returning {@code CompletableFuture} returns a future of the
     * result at once, otherwise waits for the result and returns it.
     */
    Object dispatch(RegisteredFunction function, Object[] args);
}
