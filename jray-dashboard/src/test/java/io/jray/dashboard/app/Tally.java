package io.jray.dashboard.app;

import io.jray.api.RemoteActor;

/** An actor that counts. */
@RemoteActor
public class Tally {

    private int count;

    public int add(int n) {
        count += n;
        return count;
    }
}
