package io.jray.api;

import java.util.List;

/**
 * The outcome of {@link JRay#wait(List, int, java.time.Duration)}: the refs that are ready (their
 * value or failure is known) and those that are not, each in the order they were given.
 *
 * @param ready the refs that are ready
 * @param notReady the refs that are still pending
 * @param <T> the value type
 */
public record WaitResult<T>(List<ObjectRef<T>> ready, List<ObjectRef<T>> notReady) {

    public WaitResult {
        ready = List.copyOf(ready);
        notReady = List.copyOf(notReady);
    }
}
