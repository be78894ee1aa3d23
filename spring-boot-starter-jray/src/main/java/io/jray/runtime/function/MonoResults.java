package io.jray.runtime.function;

import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

/**
 * Reactor's {@code Mono} as a task result and as what a proxy returns. Only loaded for methods that
 * return a {@code Mono}, so Reactor stays optional.
 */
public final class MonoResults {

    /** The name of Reactor's {@code Mono}, to recognise return types without loading it. */
    public static final String MONO = "reactor.core.publisher.Mono";

    private MonoResults() {
    }

    /** The future of a {@code Mono}'s value (empty: {@code null}). */
    static CompletableFuture<?> toFuture(Object mono) {
        return ((Mono<?>) mono).toFuture();
    }

    /** A {@code Mono} of a future's value, for a proxy method that returns one. */
    public static Object fromFuture(CompletableFuture<?> future) {
        return Mono.fromFuture(future);
    }
}
