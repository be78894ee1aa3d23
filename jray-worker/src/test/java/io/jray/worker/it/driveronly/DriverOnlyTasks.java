package io.jray.worker.it.driveronly;

import io.jray.api.RemoteTask;

/** A remote function that only the test JVM has: worker JVMs do not scan this package. */
@RemoteTask
public class DriverOnlyTasks {

    public String hello() {
        return "hello";
    }
}
