package io.jray.dashboard.app;

import io.jray.api.RemoteTask;

/** The tutorial's add, for drawing its aggregations. */
@RemoteTask
public class Adder {

    public int add(int a, int b) {
        return a + b;
    }

    /** One, once its argument is there: counts the tasks it follows. */
    public int one(long ignored) {
        return 1;
    }

    public int fail(String why) {
        throw new IllegalStateException(why);
    }
}
