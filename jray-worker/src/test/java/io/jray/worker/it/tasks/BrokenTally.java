package io.jray.worker.it.tasks;

import io.jray.api.RemoteActor;

/** An actor whose constructor throws on whatever node creates it. */
@RemoteActor
public class BrokenTally {

    public BrokenTally() {
        throw new IllegalStateException("no tally today");
    }

    public int increment() {
        return 1;
    }
}
