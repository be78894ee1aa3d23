package io.jray.api;

/**
 * A task about to be submitted: set its {@linkplain #options(TaskOptions) options}, then call
 * {@link #remote()}.
 *
 * <pre>{@code
 * ObjectRef<Integer> ref = jray.task(Tutorial::slow, 1)
 *         .options(TaskOptions.builder().maxRetries(5).timeout(Duration.ofSeconds(10)).build())
 *         .remote();
 * }</pre>
 *
 * @param <R> the result type
 */
public interface TaskCall<R> {

    /** Replaces the options of this call. */
    TaskCall<R> options(TaskOptions options);

    /**
     * Submits the task and returns at once.
     *
     * @throws SerializationException when an argument cannot be serialized (naming its type)
     * @throws IllegalArgumentException when the function is not a method of a {@link RemoteTask} bean
     * @throws JRayUnavailableException when Redis has been unreachable longer than the configured bound
     */
    ObjectRef<R> remote();
}
