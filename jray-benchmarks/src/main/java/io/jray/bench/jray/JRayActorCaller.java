package io.jray.bench.jray;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.jray.api.ActorHandle;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.bench.ActorCaller;
import io.jray.bench.tasks.BenchActor;

/** Calls one {@link BenchActor} through its handle and checks the counts it returns. */
final class JRayActorCaller implements ActorCaller {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final JRay jray;
    private final ActorHandle<BenchActor> actor;
    /** The calls the actor counted so far: this caller is its only one. */
    private int calls;

    JRayActorCaller(JRay jray, ActorHandle<BenchActor> actor) {
        this.jray = jray;
        this.actor = actor;
    }

    /** The process the actor lives in; waits until it exists. */
    long pid() {
        return actor.task(BenchActor::pid).remote().get(TIMEOUT);
    }

    @Override
    public long submitAllThenGetAll(int count) {
        List<ObjectRef<Integer>> refs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            refs.add(actor.task(BenchActor::increment).remote());
        }
        long submitted = System.nanoTime();
        List<Integer> values = jray.get(refs, TIMEOUT);
        for (int i = 0; i < count; i++) {
            check(values.get(i), calls + i + 1);
        }
        calls += count;
        return submitted;
    }

    @Override
    public void call() {
        check(actor.task(BenchActor::increment).remote().get(TIMEOUT), ++calls);
    }

    private void check(int value, int expected) {
        if (value != expected) {
            throw new IllegalStateException("call " + expected + " of actor " + actor.id() + " returned " + value);
        }
    }

    @Override
    public void close() {
        jray.kill(actor);
    }
}
