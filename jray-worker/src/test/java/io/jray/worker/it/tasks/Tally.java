package io.jray.worker.it.tasks;

import org.springframework.beans.factory.annotation.Autowired;

import io.jray.api.ActorHandle;
import io.jray.api.RemoteActor;
import io.jray.runtime.JRayNode;

/** A counting actor that can tell which node it lives on, and forward to another actor. */
@RemoteActor
public class Tally {

    @Autowired
    private JRayNode node;

    private int count;

    public int increment() {
        return ++count;
    }

    public int count() {
        return count;
    }

    /** Sleeps, then returns the count: a call that is running while the test kills the node. */
    public int countAfter(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return count;
    }

    public String node() {
        return node.identity().id();
    }

    public int forward(ActorHandle<Tally> other, int times) {
        int last = 0;
        for (int i = 0; i < times; i++) {
            last = other.task(Tally::increment).remote().get();
        }
        return last;
    }
}
