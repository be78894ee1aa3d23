package io.jray.bench.jray;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskOptions;
import io.jray.bench.ObjectContender;
import io.jray.bench.RedisServer;
import io.jray.bench.Settings;
import io.jray.bench.ValueType;
import io.jray.bench.tasks.BenchObjects;

/**
 * jray's object store: the cluster of {@link JRayContender}, where worker JVM 1 offers the custom
 * resource {@value #SAME_HOST} and worker JVM 2 the resource {@value #OTHER_HOST} and a host id of
 * its own, so it counts as another host; the values the driver gets are made by tasks that ask for
 * one of those resources, so they are made in the worker JVM chosen.
 */
public final class JRayObjects implements ObjectContender {

    static final String SAME_HOST = "samehost";
    static final String OTHER_HOST = "otherhost";
    private static final String OTHER_HOST_ID = "bench-other-host";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Settings settings;
    private final JRayNodes nodes;
    private final JRay jray;
    private final BenchObjects local = new BenchObjects();
    /** The driver's values to put, made once per type and size. */
    private final Map<String, Object> values = new HashMap<>();
    private byte marks;

    private JRayObjects(Settings settings, JRayNodes nodes) {
        this.settings = settings;
        this.nodes = nodes;
        this.jray = nodes.jray();
    }

    /** Starts worker JVM 1 on this host and worker JVM 2 as another host, waits until they joined, then the driver. */
    public static JRayObjects start(Settings settings, RedisServer redis) throws InterruptedException {
        String limit = "jray.object.store-limit=" + settings.objectStoreLimit();
        return new JRayObjects(settings, JRayNodes.start(settings, redis, settings.objectJvmArgs(), i -> switch (i) {
            case 1 -> List.of("--" + limit, "--jray.node.resources." + SAME_HOST + "=100");
            case 2 -> List.of("--" + limit, "--jray.node.resources." + OTHER_HOST + "=100",
                    "--jray.node.host-id=" + OTHER_HOST_ID);
            default -> List.of("--" + limit);
        }, List.of(limit)));
    }

    @Override
    public String name() {
        return "jray";
    }

    @Override
    public String setup() {
        return "driver JVM (heap at most " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB) + worker JVM 1 on "
                + "the same host + worker JVM 2 with `--jray.node.host-id=" + OTHER_HOST_ID + "` (a simulated other "
                + "host: it is read over its HTTP endpoint on loopback), each a node with " + settings.slotsPerJvm()
                + " CPU slots; the worker JVMs run with `" + String.join(" ", settings.jvmArgs()) + " "
                + String.join(" ", settings.objectJvmArgs()) + "`; `jray.object.store-limit="
                + settings.objectStoreLimit() + "` on every node (room for every value alive at once, so none should spill); the values the driver gets are "
                + "made by tasks that ask for a custom resource only worker JVM 1 (or 2) offers";
    }

    @Override
    public List<ProcessHandle> workerProcesses() {
        return nodes.workerProcesses();
    }

    @Override
    public long putNanos(ValueType type, int bytes) {
        Object value = values.computeIfAbsent(type + "/" + bytes, key -> switch (type) {
            case BYTES -> local.bytes(bytes, (byte) 1);
            case DOUBLES -> local.doubles(bytes, 1);
            case SEGMENT -> local.segment(bytes, (byte) 1);
        });
        long start = System.nanoTime();
        ObjectRef<Object> ref = jray.put(value);
        long nanos = System.nanoTime() - start;
        if (ref == null) {
            throw new IllegalStateException("put returned no ref");
        }
        return nanos;
    }

    @Override
    public long getNanos(ValueType type, int bytes, Producer producer) {
        byte mark = ++marks == 0 ? ++marks : marks;
        TaskOptions on = TaskOptions.builder().resource(producer == Producer.SAME_HOST ? SAME_HOST : OTHER_HOST, 1)
                .build();
        ObjectRef<?> ref = switch (type) {
            case BYTES -> jray.task(BenchObjects::bytes, bytes, mark).options(on).remote();
            case DOUBLES -> jray.task(BenchObjects::doubles, bytes, (double) mark).options(on).remote();
            case SEGMENT -> jray.task(BenchObjects::segment, bytes, mark).options(on).remote();
        };
        if (jray.wait(List.of(ref), 1, TIMEOUT).ready().isEmpty()) {
            throw new IllegalStateException("the value " + ref + " was not made within " + TIMEOUT);
        }
        long start = System.nanoTime();
        Object value = ref.get(TIMEOUT);
        long nanos = System.nanoTime() - start;
        check(value, type, bytes, mark, ref);
        return nanos;
    }

    private static void check(Object value, ValueType type, int bytes, byte mark, ObjectRef<?> ref) {
        boolean right = switch (value) {
            case byte[] a when type == ValueType.BYTES -> a.length == bytes && a[0] == mark && a[bytes - 1] == mark;
            case double[] a when type == ValueType.DOUBLES -> a.length * Double.BYTES == bytes && a[0] == mark
                    && a[a.length - 1] == mark;
            case MemorySegment s when type == ValueType.SEGMENT -> s.byteSize() == bytes
                    && s.get(ValueLayout.JAVA_BYTE, 0) == mark && s.get(ValueLayout.JAVA_BYTE, bytes - 1) == mark;
            default -> false;
        };
        if (!right) {
            throw new IllegalStateException("the value of " + ref + " is not the " + type.label() + " of " + bytes
                    + " bytes marked " + mark + " that was made");
        }
    }

    @Override
    public long matrixDagNanos(int n) {
        long start = System.nanoTime();
        ObjectRef<double[][]> x = jray.task(BenchObjects::createMatrix, n).remote();
        ObjectRef<double[][]> y = jray.task(BenchObjects::createMatrix, n).remote();
        ObjectRef<double[][]> z = jray.task(BenchObjects::multiply, x, y).remote();
        double[][] product = z.get(TIMEOUT);
        long nanos = System.nanoTime() - start;
        if (product.length != n || product[n - 1].length != n) {
            throw new IllegalStateException("the product is not " + n + "x" + n);
        }
        return nanos;
    }

    @Override
    public long matrixLocalNanos(int n) {
        long start = System.nanoTime();
        double[][] product = local.multiply(local.createMatrix(n), local.createMatrix(n));
        long nanos = System.nanoTime() - start;
        if (product.length != n || product[n - 1].length != n) {
            throw new IllegalStateException("the product is not " + n + "x" + n);
        }
        return nanos;
    }

    @Override
    public void close() {
        nodes.close();
    }
}
