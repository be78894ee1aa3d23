package io.jray.runtime.core;

/**
 * The task a thread is running, bound while a worker runs it: tasks it submits belong to the same
 * job and record it as their parent, and a {@code get()} it blocks in gives back its CPU.
 *
 * @param taskId the running task
 * @param blocking called around a blocking wait
 */
public record TaskContext(ObjectId taskId, BlockingHook blocking) {

    private static final ScopedValue<TaskContext> CURRENT = ScopedValue.newInstance();

    /** The context of the task this thread runs, or {@code null}. */
    public static TaskContext current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /** Runs {@code body} with this context bound. */
    public <R> R call(ScopedValue.CallableOp<R, Exception> body) throws Exception {
        return ScopedValue.where(CURRENT, this).call(body);
    }

    /** Lets a running task give back its CPU while it waits for other tasks. */
    public interface BlockingHook {

        /** Releases the task's CPU; returns whether {@link #afterBlocking()} must be called. */
        boolean beforeBlocking();

        /** Takes the CPU back. */
        void afterBlocking();
    }
}
