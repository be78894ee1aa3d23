package io.jray.sample;

import io.jray.api.ActorHandle;
import io.jray.api.RemoteTask;

/** The tutorial's {@code worker} task: adds messages through the actor handle it is given. */
@RemoteTask
public class Producers {

    /** Sends {@code count} messages to the actor, one every {@code pauseMillis}. */
    public void produce(ActorHandle<MessageActor> messages, int producer, int count, long pauseMillis)
            throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Thread.sleep(pauseMillis);
            messages.task(MessageActor::addMessage, "message " + i + " from producer " + producer).remote();
        }
    }
}
