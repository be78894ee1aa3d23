package io.jray.runtime.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.jray.api.ActorCreation;
import io.jray.api.ActorHandle;
import io.jray.api.ActorOptions;
import io.jray.api.GetTimeoutException;
import io.jray.api.JRay;
import io.jray.api.JRayException;
import io.jray.api.ObjectRef;
import io.jray.api.TaskCall;
import io.jray.api.WaitResult;
import io.jray.api.function.RemoteCallable;
import io.jray.runtime.control.ObjectState;
import io.jray.runtime.core.TaskContext;

/** The {@link JRay} bean: a thin layer over the {@link TaskSubmitter} and {@link ObjectResolver}. */
public final class DefaultJRay implements JRay {

    private final TaskSubmitter submitter;
    private final ObjectResolver resolver;
    private final TaskCanceller canceller;
    private final ActorClient actors;

    public DefaultJRay(TaskSubmitter submitter, ObjectResolver resolver, TaskCanceller canceller, ActorClient actors) {
        this.submitter = submitter;
        this.resolver = resolver;
        this.canceller = canceller;
        this.actors = actors;
    }

    @Override
    public <R> TaskCall<R> newTaskCall(RemoteCallable function, Object... args) {
        return new DefaultTaskCall<>(submitter, function, args == null ? new Object[] {null} : args);
    }

    @Override
    public <T> ObjectRef<T> put(T value) {
        return submitter.put(value);
    }

    @Override
    public <T> T get(ObjectRef<T> ref) {
        return impl(ref).get();
    }

    @Override
    public <T> T get(ObjectRef<T> ref, Duration timeout) {
        return impl(ref).get(requireTimeout(timeout));
    }

    @Override
    public <T> List<T> get(List<? extends ObjectRef<? extends T>> refs) {
        return getAll(refs, null);
    }

    @Override
    public <T> List<T> get(List<? extends ObjectRef<? extends T>> refs, Duration timeout) {
        return getAll(refs, requireTimeout(timeout));
    }

    private <T> List<T> getAll(List<? extends ObjectRef<? extends T>> refs, Duration timeout) {
        List<ObjectRefImpl<?>> impls = refs.stream().<ObjectRefImpl<?>>map(DefaultJRay::impl).toList();
        resolver.states(impls);
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        List<T> values = new ArrayList<>(refs.size());
        for (ObjectRef<? extends T> ref : refs) {
            if (timeout == null) {
                values.add(ref.get());
            }
            else {
                long left = deadline - System.nanoTime();
                if (left <= 0 && !ref.isReady()) {
                    throw new GetTimeoutException("not all " + refs.size() + " values were ready within " + timeout);
                }
                values.add(ref.get(Duration.ofNanos(Math.max(left, 1))));
            }
        }
        return values;
    }

    @Override
    public <T> WaitResult<T> wait(List<? extends ObjectRef<T>> refs, int numReady, Duration timeout) {
        if (numReady < 0 || numReady > refs.size()) {
            throw new IllegalArgumentException("numReady must be between 0 and the number of refs (" + refs.size()
                    + "), was " + numReady);
        }
        requireTimeout(timeout);
        List<ObjectRefImpl<?>> impls = refs.stream().<ObjectRefImpl<?>>map(DefaultJRay::impl).toList();
        List<CompletableFuture<ObjectState>> states = resolver.states(impls);
        Semaphore settled = new Semaphore(0);
        int done = 0;
        for (CompletableFuture<ObjectState> state : states) {
            if (state.isDone()) {
                done++;
            }
            else {
                state.whenComplete((s, e) -> settled.release());
            }
        }
        if (done < numReady) {
            TaskContext context = TaskContext.current();
            boolean released = context != null && context.blocking().beforeBlocking();
            try {
                settled.tryAcquire(numReady - done, timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JRayException("interrupted while waiting for " + refs.size() + " refs", e);
            }
            finally {
                if (released) {
                    context.blocking().afterBlocking();
                }
            }
        }
        List<ObjectRef<T>> ready = new ArrayList<>();
        List<ObjectRef<T>> notReady = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            (states.get(i).isDone() && ready.size() < numReady ? ready : notReady).add(refs.get(i));
        }
        return new WaitResult<>(ready, notReady);
    }

    @Override
    public boolean cancel(ObjectRef<?> ref) {
        return canceller.cancel(impl(ref).objectId());
    }

    @Override
    public <A> ActorCreation<A> actor(Class<A> actorClass, Object... constructorArgs) {
        if (actorClass == null) {
            throw new IllegalArgumentException("the actor class must not be null");
        }
        Object[] args = constructorArgs == null ? new Object[] {null} : constructorArgs.clone();
        return new ActorCreation<>() {
            private ActorOptions options = ActorOptions.defaults();

            @Override
            public ActorCreation<A> name(String name) {
                options = options.toBuilder().name(name).build();
                return this;
            }

            @Override
            public ActorCreation<A> options(ActorOptions newOptions) {
                String name = options.name();
                options = newOptions.name() == null && name != null ? newOptions.toBuilder().name(name).build()
                        : newOptions;
                return this;
            }

            @Override
            public ActorHandle<A> remote() {
                return actors.create(actorClass, args, options);
            }
        };
    }

    @Override
    public <A> Optional<ActorHandle<A>> getActor(String name, Class<A> actorClass) {
        return actors.find(name, actorClass);
    }

    @Override
    public void kill(ActorHandle<?> actor) {
        actors.kill(actor);
    }

    private static Duration requireTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive, was " + timeout);
        }
        return timeout;
    }

    private static <T> ObjectRefImpl<T> impl(ObjectRef<T> ref) {
        if (ref instanceof ObjectRefImpl<T> impl) {
            return impl;
        }
        throw new IllegalArgumentException(ref == null ? "the ref must not be null"
                : "not an ObjectRef made by jray: " + ref.getClass().getName());
    }
}
