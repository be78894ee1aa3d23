package io.jray.sample;

import io.jray.api.RemoteActor;

/** The tutorial's {@code Counter}: an actor whose state lives across calls. */
@RemoteActor
public class Counter {

    private int value;

    public int increment() {
        return ++value;
    }

    public int value() {
        return value;
    }
}
