package io.jray.it;

import io.jray.api.RemoteActor;

/** An actor whose constructor always throws. */
@RemoteActor
public class BrokenActor {

    public BrokenActor() {
        throw new IllegalStateException("cannot build");
    }

    public int ping() {
        return 1;
    }
}
