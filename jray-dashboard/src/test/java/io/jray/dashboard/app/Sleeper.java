package io.jray.dashboard.app;

import io.jray.api.RemoteTask;

/** A task that takes its time, so a page can watch it run. */
@RemoteTask
public class Sleeper {

    public long sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        System.out.println("slept " + millis + " ms");
        return millis;
    }

    public long echo(long value) {
        return value;
    }
}
