package io.jray.runtime.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.TaskSpec;
import io.jray.runtime.function.FunctionId;

/**
 * Micrometer Observations of tasks, so a trace follows a call from its caller to the node that runs
 * it: submitting a task or actor call is observed as a sender ({@value #SUBMIT}, a child of the
 * caller's current observation), whose propagation headers (such as W3C {@code traceparent}, put
 * there by the tracing handler when Micrometer Tracing is configured) travel in the task's spec;
 * running it is observed as a receiver of those headers ({@value #RUN}). With a no-op registry
 * nothing is observed and no header travels.
 */
public final class TaskObservations {

    /** Does nothing: no registry. */
    public static final TaskObservations NONE = new TaskObservations(ObservationRegistry.NOOP);
    /** The name of the observation of a submission. */
    public static final String SUBMIT = "jray.task.submit";
    /** The name of the observation of a run. */
    public static final String RUN = "jray.task.run";

    private final ObservationRegistry registry;

    public TaskObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    /** Observes the submission of a task; returns the headers that carry its trace (often none). */
    public Map<String, String> submitted(ObjectId task, String function, TaskSpec.Kind kind) {
        if (registry.isNoop()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        SenderContext<Map<String, String>> context = new SenderContext<>(Map::put, Kind.PRODUCER);
        context.setCarrier(headers);
        context.setRemoteServiceName("jray");
        Observation.createNotStarted(SUBMIT, () -> context, registry).contextualName("submit " + shortName(function))
                .lowCardinalityKeyValues(tags(function, kind)).highCardinalityKeyValue("jray.task", task.toString())
                .start().stop();
        return headers.isEmpty() ? Map.of() : Map.copyOf(headers);
    }

    /** Runs a task's body inside the observation of its run, continuing the trace its spec carries. */
    public <T> T run(TaskSpec spec, Callable<T> body) throws Exception {
        if (registry.isNoop()) {
            return body.call();
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.CONSUMER);
        context.setCarrier(spec.trace());
        context.setRemoteServiceName("jray");
        Observation observation = Observation.createNotStarted(RUN, () -> context, registry)
                .contextualName("run " + shortName(spec.function())).lowCardinalityKeyValues(tags(spec.function(), spec.kind()))
                .highCardinalityKeyValue("jray.task", spec.taskId().toString()).start();
        try (Observation.Scope scope = observation.openScope()) {
            return body.call();
        }
        catch (Exception | Error e) {
            observation.error(e);
            throw e;
        }
        finally {
            observation.stop();
        }
    }

    private static KeyValues tags(String function, TaskSpec.Kind kind) {
        return KeyValues.of("jray.function", shortName(function), "jray.kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String shortName(String function) {
        return FunctionId.shortName(function);
    }
}
