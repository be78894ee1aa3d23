package io.jray.it;

import java.util.concurrent.atomic.AtomicInteger;

import io.jray.api.RemoteActor;

/** A stateful actor: calls see each other's effects, one at a time. */
@RemoteActor
public class Counter {

    static final AtomicInteger concurrentNow = new AtomicInteger();
    static final AtomicInteger concurrentMax = new AtomicInteger();

    private int value;

    public Counter() {
    }

    public Counter(Integer start) {
        this.value = start;
    }

    public int increment() {
        return ++value;
    }

    public int add(int n) {
        value += n;
        return value;
    }

    /** Adds {@code n}, {@code times} times: an overload of {@link #add(int)}. */
    public int add(int n, int times) {
        value += n * times;
        return value;
    }

    public int value() {
        return value;
    }

    public int failIfNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        return n;
    }

    /** Sleeps while counting how many calls run at once. */
    public int slowly(int millis) throws InterruptedException {
        int now = concurrentNow.incrementAndGet();
        concurrentMax.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(millis);
            return now;
        }
        finally {
            concurrentNow.decrementAndGet();
        }
    }
}
