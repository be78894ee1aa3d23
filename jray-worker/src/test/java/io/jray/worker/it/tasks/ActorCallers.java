package io.jray.worker.it.tasks;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.RemoteTask;
import io.jray.runtime.JRayNode;

/** Tasks that call actors: through a handle they are given, or found by name. */
@RemoteTask
public class ActorCallers {

    private final JRay jray;
    private final JRayNode node;

    public ActorCallers(JRay jray, JRayNode node) {
        this.jray = jray;
        this.node = node;
    }

    /** Calls {@code increment} {@code times} times, in order; returns the node this task ran on. */
    public String bump(ActorHandle<Tally> tally, int times) {
        for (int i = 0; i < times; i++) {
            tally.task(Tally::increment).remote().get();
        }
        return node.identity().id();
    }

    /** Finds the named actor from this node and increments it. */
    public int incrementNamed(String name) {
        return jray.getActor(name, Tally.class).orElseThrow().task(Tally::increment).remote().get();
    }
}
