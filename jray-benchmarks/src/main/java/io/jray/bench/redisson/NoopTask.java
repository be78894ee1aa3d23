package io.jray.bench.redisson;

import java.io.Serializable;
import java.util.concurrent.Callable;

/** The Redisson side of the benchmark: a task that does nothing but return its argument. */
public final class NoopTask implements Callable<Integer>, Serializable {

    private static final long serialVersionUID = 1L;

    private int i;

    public NoopTask() {
    }

    public NoopTask(int i) {
        this.i = i;
    }

    @Override
    public Integer call() {
        return i;
    }
}
