package io.jray.autoconfigure.actuate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.jray.runtime.JRayNode;
import io.jray.runtime.control.ClusterView;
import io.jray.runtime.core.TaskEvents;
import io.jray.runtime.function.FunctionId;

/**
 * Micrometer metrics of a jray node: tasks submitted, finished and failed here by function
 * ({@code jray.tasks.*}, tag {@code function} such as {@code Tutorial#add(int,int)}), their run time
 * ({@code jray.task.duration}), tasks running and actors alive here, object store bytes (stored,
 * spilled, limit), submissions waiting to be sent, and the cluster's queued tasks
 * ({@code jray.queue.depth}, read from Redis at most every {@value #QUEUE_DEPTH_EVERY_SECONDS} s).
 */
public class JRayMetrics implements MeterBinder, TaskEvents {

    private static final long QUEUE_DEPTH_EVERY_SECONDS = 5;

    private final JRayNode node;
    private final Map<String, Meters> byFunction = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile long queueDepth;
    private volatile long queueDepthReadAt;

    private record Meters(Counter submitted, Counter finished, Counter failed, Timer duration) {
    }

    public JRayMetrics(JRayNode node) {
        this.node = node;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("jray.tasks.running", node, JRayNode::runningTasks).description("Tasks running on this node")
                .register(registry);
        Gauge.builder("jray.actors.alive", node, JRayNode::hostedActors).description("Actors living on this node")
                .register(registry);
        Gauge.builder("jray.objects.bytes", node, n -> n.objects().store().usedBytes()).tag("state", "stored")
                .baseUnit("bytes").description("Object store bytes in shared memory").register(registry);
        Gauge.builder("jray.objects.bytes", node, n -> n.objects().store().spilledBytes()).tag("state", "spilled")
                .baseUnit("bytes").description("Object store bytes spilled to disk").register(registry);
        Gauge.builder("jray.objects.limit", node, n -> n.objects().store().limit()).baseUnit("bytes")
                .description("Object store limit of this node").register(registry);
        Gauge.builder("jray.submit.backlog", node, n -> n.submitter().backlog())
                .description("Submissions waiting to be sent to Redis").register(registry);
        Gauge.builder("jray.queue.depth", this, JRayMetrics::queueDepth)
                .description("Task entries in the queues of all active jobs").register(registry);
        node.tellEvents(this);
    }

    @Override
    public void submitted(String function) {
        meters(function).submitted().increment();
    }

    @Override
    public void finished(String function, long nanos) {
        Meters meters = meters(function);
        meters.finished().increment();
        meters.duration().record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(String function, long nanos) {
        Meters meters = meters(function);
        meters.failed().increment();
        meters.duration().record(nanos, TimeUnit.NANOSECONDS);
    }

    private Meters meters(String function) {
        return byFunction.computeIfAbsent(function, id -> {
            String tag = FunctionId.shortName(id);
            MeterRegistry r = registry;
            return new Meters(Counter.builder("jray.tasks.submitted").tag("function", tag).register(r),
                    Counter.builder("jray.tasks.finished").tag("function", tag).register(r),
                    Counter.builder("jray.tasks.failed").tag("function", tag).register(r),
                    Timer.builder("jray.task.duration").tag("function", tag).register(r));
        });
    }

    private double queueDepth() {
        long now = System.currentTimeMillis();
        if (now - queueDepthReadAt > TimeUnit.SECONDS.toMillis(QUEUE_DEPTH_EVERY_SECONDS)) {
            queueDepthReadAt = now;
            try {
                queueDepth = node.operations().summary().jobs().stream().mapToLong(ClusterView.JobInfo::queued).sum();
            }
            catch (Exception e) {
                return Double.NaN;
            }
        }
        return queueDepth;
    }
}
