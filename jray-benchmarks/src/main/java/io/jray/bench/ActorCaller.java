package io.jray.bench;

/**
 * One caller of one actor whose method does nothing but count its calls; each method checks the
 * counts it gets back, so a lost, repeated or reordered call fails the benchmark. Used by one thread
 * at a time. {@link #close()} kills the actor.
 */
public interface ActorCaller extends AutoCloseable {

    /**
     * Sends {@code count} calls without waiting, then waits for all of them and checks their values.
     *
     * @return {@link System#nanoTime()} when the last call was sent
     */
    long submitAllThenGetAll(int count) throws Exception;

    /** Sends one call and waits for its value, which it checks. */
    void call() throws Exception;

    /** Kills the actor. */
    @Override
    void close();
}
