package io.jray.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Callers, each bound to an actor of its own, opened together and closed together: closing kills
 * every actor, also when opening one of them failed.
 */
final class ActorCallers implements AutoCloseable {

    private final List<ActorCaller> callers = new ArrayList<>();

    private ActorCallers() {
    }

    /** Creates {@code count} actors, the i-th (from 0) by {@link ActorContender#actor(int) actor(i)}. */
    static ActorCallers open(ActorContender contender, int count) throws Exception {
        ActorCallers opened = new ActorCallers();
        try {
            for (int i = 0; i < count; i++) {
                opened.callers.add(contender.actor(i));
            }
            return opened;
        }
        catch (Exception | Error e) {
            try {
                opened.close();
            }
            catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    List<ActorCaller> list() {
        return List.copyOf(callers);
    }

    int size() {
        return callers.size();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (ActorCaller caller : callers) {
            try {
                caller.close();
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
