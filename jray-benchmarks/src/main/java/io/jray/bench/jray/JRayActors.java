package io.jray.bench.jray;

import java.util.List;

import io.jray.api.ActorHandle;
import io.jray.api.ActorOptions;
import io.jray.bench.ActorCaller;
import io.jray.bench.ActorContender;
import io.jray.bench.RedisServer;
import io.jray.bench.Settings;
import io.jray.bench.tasks.BenchActor;

/**
 * jray's actors: the same cluster as {@link JRayContender}'s, except that worker JVM i offers the
 * custom resource {@code w<i>} (which no other node has) and every actor asks for one unit of one
 * of them, so actors live on the worker JVM chosen for them, never on the driver.
 */
public final class JRayActors implements ActorContender {

    /** Units of its {@code w<i>} resource each worker JVM offers: actors it can host at once. */
    private static final int ACTORS_PER_JVM = 100;

    private final Settings settings;
    private final JRayNodes nodes;

    private JRayActors(Settings settings, JRayNodes nodes) {
        this.settings = settings;
        this.nodes = nodes;
    }

    /** Starts the worker JVMs, each with its own resource, waits until they joined, then starts the driver. */
    public static JRayActors start(Settings settings, RedisServer redis) throws InterruptedException {
        return new JRayActors(settings, JRayNodes.start(settings, redis,
                i -> List.of("--jray.node.resources." + resource(i) + "=" + ACTORS_PER_JVM)));
    }

    private static String resource(int workerJvm) {
        return "w" + workerJvm;
    }

    @Override
    public String name() {
        return "jray";
    }

    @Override
    public String setup() {
        return JRayNodes.describe(settings) + "; worker JVM i offers the custom resource w<i>, each actor "
                + "asks for 1 of one of them (default options otherwise: one call at a time), so the actors live on "
                + "the worker JVMs; the callers are threads of the driver JVM";
    }

    @Override
    public List<ProcessHandle> workerProcesses() {
        return nodes.workerProcesses();
    }

    @Override
    public ActorCaller actor(int index) {
        int jvm = index % settings.workerJvms() + 1;
        ActorHandle<BenchActor> actor = nodes.jray().actor(BenchActor.class)
                .options(ActorOptions.builder().resource(resource(jvm), 1).build()).remote();
        JRayActorCaller caller = new JRayActorCaller(nodes.jray(), actor);
        try {
            long pid = caller.pid();
            if (pid != nodes.workerPid(jvm)) {
                throw new IllegalStateException("actor " + actor.id() + " lives in process " + pid
                        + ", not in worker JVM " + jvm + " (process " + nodes.workerPid(jvm) + ")");
            }
            return caller;
        }
        catch (RuntimeException e) {
            caller.close();
            throw e;
        }
    }

    @Override
    public void close() {
        nodes.close();
    }
}
