package io.jray.it;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.RemoteActor;
import io.jray.api.RemoteTask;

/** Tasks and actors that call actors through handles they were given. */
@RemoteTask
public class ActorUsers {

    private final JRay jray;

    public ActorUsers(JRay jray) {
        this.jray = jray;
    }

    /** Increments the counter {@code times} times, waiting for each; returns the last value seen. */
    public int incrementMany(ActorHandle<Counter> counter, int times) {
        int last = 0;
        for (int i = 0; i < times; i++) {
            last = counter.task(Counter::increment).remote().get();
        }
        return last;
    }

    /** An actor that forwards to another actor whose handle it is given. */
    @RemoteActor
    public static class Forwarder {

        public int forward(ActorHandle<Counter> counter, int n) {
            return counter.task(Counter::add, n).remote().get();
        }
    }
}
