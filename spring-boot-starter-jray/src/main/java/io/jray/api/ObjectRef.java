package io.jray.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A future for a value that lives in the cluster: the result of a task or a value given to
 * {@link JRay#put}. Passing an {@code ObjectRef} as a task argument makes that task wait for the
 * value and receive it in place of the reference; refs nested inside other values travel as
 * references. Refs are serializable and can be resolved on any node.
 *
 * <pre>{@code
 * ObjectRef<double[][]> x = jray.task(Tutorial::createMatrix, 1000).remote();
 * ObjectRef<double[][]> z = jray.task(Tutorial::multiply, x, x).remote();
 * double[][] product = z.get();
 * }</pre>
 *
 * Values returned by {@link #get()} are fetched once and shared between calls: treat them as
 * read-only.
 *
 * @param <T> the type of the value
 */
public interface ObjectRef<T> {

    /** The cluster-wide id of the object, of the form {@code job/object}. */
    String id();

    /**
     * Waits for the value and returns it.
     *
     * @throws TaskFailedException when the task that makes the value failed
     * @throws TaskCancelledException when that task was cancelled
     * @throws JRayUnavailableException when Redis stays unreachable longer than the configured bound
     */
    T get();

    /**
     * Waits at most {@code timeout} for the value.
     *
     * @throws GetTimeoutException when the value is not ready in time
     */
    T get(Duration timeout);

    /** Whether the value (or its failure) is known on this node without waiting. */
    boolean isReady();

    /**
     * A future completed with the value, or exceptionally with the exception {@link #get()} would
     * throw. Completing it never blocks a Redis connection thread.
     */
    CompletableFuture<T> toFuture();
}
