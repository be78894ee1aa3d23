package io.jray.runtime.worker;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.BeansException;

import io.jray.api.ActorCreationException;
import io.jray.api.ActorDiedException;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.TaskSpec;
import io.jray.runtime.function.FunctionRegistry;

/**
 * The actors living on this node: creates them (as prototype beans, with their constructor
 * arguments), finds them for their calls, and stops them when they are killed or their job ends.
 */
final class ActorHost {

    private final FunctionRegistry functions;
    private final String node;
    private final LongSupplier epoch;
    private final Map<ObjectId, HostedActor> actors = new ConcurrentHashMap<>();
    /** Actors killed lately, in case a kill arrives before the creation it concerns. */
    private final Map<ObjectId, Boolean> killed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Boolean> eldest) {
            return size() > 10_000;
        }
    };
    private ActorDispatcher dispatcher;

    ActorHost(FunctionRegistry functions, String node, LongSupplier epoch) {
        this.functions = functions;
        this.node = node;
        this.epoch = epoch;
    }

    void connect(ActorDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Creates an actor here; it holds its resources until it stops, when {@code releaseResources}
     * runs. It answers its calls in {@code epoch}, this node's registration its creation was read under;
     * it reads them once {@link #serve served}.
     *
     * @throws ActorCreationException when this application has no such actor class or its
     *         constructor throws (the constructor's exception is the cause)
     */
    HostedActor create(TaskSpec spec, Object[] args, Runnable releaseResources, long epoch) {
        ObjectId id = spec.actor();
        synchronized (killed) {
            if (killed.containsKey(id)) {
                throw new ActorDiedException("actor " + id + " was killed before it was created");
            }
        }
        String className = spec.function();
        String bean = functions.actorBean(className);
        if (bean == null) {
            throw new ActorCreationException("node " + node + " has no @RemoteActor class " + className + " (are all nodes "
                    + "running the same version of the application?)", null);
        }
        Object instance;
        try {
            instance = functions.instantiateActor(bean, args);
        }
        catch (RuntimeException e) {
            Throwable cause = constructorFailure(e);
            throw new ActorCreationException("actor " + shortName(className) + " [" + id + "] could not be created on node "
                    + node + ": " + cause, cause);
        }
        HostedActor actor = new HostedActor(id, className, instance, spec.concurrency(), releaseResources, epoch);
        actors.put(id, actor);
        return actor;
    }

    /**
     * Starts reading the calls of an actor created here, once Redis recorded its creation (unless it
     * stopped meanwhile).
     */
    void serve(HostedActor actor) {
        if (actor.epoch() < epoch.getAsLong()) {
            // why: created under a registration that lapsed meanwhile; the actor restarts elsewhere
            stop(actor.id());
        }
        else if (actors.get(actor.id()) == actor) {
            dispatcher.add(actor);
        }
    }

    /** The actor living here, or {@code null}. */
    HostedActor get(ObjectId id) {
        return actors.get(id);
    }

    /** The actor was killed: stop it if it lives here, and never create it here. */
    void kill(ObjectId id) {
        synchronized (killed) {
            killed.put(id, Boolean.TRUE);
        }
        stop(id);
    }

    /** Stops an actor living here: no more calls, its resources are released. */
    void stop(ObjectId id) {
        HostedActor actor = actors.remove(id);
        if (actor != null) {
            dispatcher.remove(actor);
            dispatcher.giveBack(actor.stop());
        }
    }

    /**
     * Stops the actors created under registrations up to {@code epoch}, which lapsed: they may
     * have restarted elsewhere, and their answers no longer count. Returns their ids.
     */
    List<ObjectId> stopEpochsUpTo(long epoch) {
        List<ObjectId> stopped = new ArrayList<>();
        for (HostedActor actor : List.copyOf(actors.values())) {
            if (actor.epoch() <= epoch) {
                stop(actor.id());
                stopped.add(actor.id());
            }
        }
        return stopped;
    }

    /** Stops the actors of jobs that ended. */
    void retainJobs(Set<String> active) {
        for (ObjectId id : List.copyOf(actors.keySet())) {
            if (!active.contains(id.job())) {
                stop(id);
            }
        }
    }

    int size() {
        return actors.size();
    }

    void stopAll() {
        List.copyOf(actors.keySet()).forEach(this::stop);
    }

    /** The exception the constructor threw, out of Spring's and reflection's wrappers. */
    private static Throwable constructorFailure(Throwable e) {
        Throwable t = e;
        while ((t instanceof BeansException || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String shortName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
