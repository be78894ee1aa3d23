package io.jray.it;

import java.util.concurrent.atomic.AtomicInteger;

import io.jray.api.RemoteTask;

/** Remote functions that fail on purpose, counting how often they ran (shared by every node of the JVM). */
@RemoteTask
public class Flaky {

    private static final AtomicInteger attempts = new AtomicInteger();

    static void reset() {
        attempts.set(0);
    }

    static int attempts() {
        return attempts.get();
    }

    /** Throws IllegalStateException until its {@code n}th run, which returns {@code n}. */
    public int succeedOnAttempt(int n) {
        int attempt = attempts.incrementAndGet();
        if (attempt < n) {
            throw new IllegalStateException("attempt " + attempt + " fails");
        }
        return attempt;
    }

    /** Always throws IllegalArgumentException naming the attempt. */
    public int rejectAlways() {
        throw new IllegalArgumentException("attempt " + attempts.incrementAndGet() + " rejected");
    }
}
