package io.jray.test.junit.app;

import io.jray.api.RemoteTask;

/** Tasks that tell which JVM ran them. */
@RemoteTask
public class WhereTasks {

    /** The pid of the JVM that ran the call, after {@code millis} of work. */
    public long pid(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return ProcessHandle.current().pid();
    }
}
