package io.jray.sample;

import java.util.ArrayList;
import java.util.List;

import io.jray.api.RemoteActor;

/** The tutorial's {@code MessageActor}: collects messages until someone takes them. */
@RemoteActor
public class MessageActor {

    private List<String> messages = new ArrayList<>();

    public void addMessage(String message) {
        messages.add(message);
    }

    /** The messages so far; the actor starts over with none. */
    public List<String> getAndClear() {
        List<String> taken = messages;
        messages = new ArrayList<>();
        return taken;
    }
}
