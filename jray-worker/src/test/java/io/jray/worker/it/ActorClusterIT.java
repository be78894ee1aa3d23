package io.jray.worker.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.jray.api.ActorCreationException;
import io.jray.api.ActorDiedException;
import io.jray.api.ActorHandle;
import io.jray.api.ActorOptions;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.RemoteTaskException;
import io.jray.api.TaskOptions;
import io.jray.runtime.core.ObjectId;
import io.jray.test.WorkerProcess;
import io.jray.worker.it.tasks.ActorCallers;
import io.jray.worker.it.tasks.BrokenTally;
import io.jray.worker.it.tasks.Tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Actors across JVMs: handles passed between nodes, names, kill, and the death of an actor's node. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActorClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Cluster cluster;
    private JRay jray;

    @BeforeAll
    void startCluster() {
        cluster = new Cluster();
        // why: actors hold their resources while they live, so each node offers plenty
        cluster.startWorkers(1, "--jray.node.resources.first=100");
        cluster.startWorkers(1, "--jray.node.resources.second=100");
        jray = cluster.startDriver("jray.node.resources.driver=100");
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    private static TaskOptions on(String resource) {
        return TaskOptions.builder().resource(resource, 1).build();
    }

    private static ActorOptions.Builder livingOn(String resource) {
        return ActorOptions.builder().resource(resource, 1);
    }

    @Test
    void aThousandCallsFromOneCallerReturnOneToAThousandInOrder() {
        ActorHandle<Tally> tally = jray.actor(Tally.class).options(livingOn("first").build()).remote();
        List<ObjectRef<Integer>> refs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            refs.add(tally.task(Tally::increment).remote());
        }

        assertThat(jray.get(refs, TIMEOUT)).containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).boxed().toList());
    }

    @Test
    void aThrowingConstructorOnAWorkerFailsCallsWithActorCreationException() {
        ActorHandle<BrokenTally> broken = jray.actor(BrokenTally.class).options(livingOn("second").build()).remote();

        assertThatThrownBy(() -> broken.task(BrokenTally::increment).remote().get(TIMEOUT))
                .isInstanceOfSatisfying(ActorCreationException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(RemoteTaskException.class);
                    assertThat(((RemoteTaskException) e.getCause()).remoteType())
                            .isEqualTo(IllegalStateException.class.getName());
                    assertThat(e.getCause().getMessage()).contains("no tally today");
                });
    }

    @Test
    void tasksOnThreeNodesCallTheSameActorThroughItsHandle() {
        ActorHandle<Tally> tally = jray.actor(Tally.class).options(livingOn("first").build()).remote();
        List<ObjectRef<String>> callers = List.of("driver", "first", "second").stream()
                .map(node -> jray.task(ActorCallers::bump, tally, 100).options(on(node)).remote()).toList();

        Set<String> nodes = new HashSet<>(jray.get(callers, TIMEOUT));
        assertThat(nodes).as("nodes the three callers ran on").hasSize(3);
        assertThat(tally.task(Tally::count).remote().get(TIMEOUT)).isEqualTo(300);
    }

    @Test
    void aNamedActorCreatedHereIsFoundAndCalledFromAnotherJvm() {
        ActorHandle<Tally> named = jray.actor(Tally.class).options(livingOn("first").name("shared-tally").build())
                .remote();
        named.task(Tally::increment).remote().get(TIMEOUT);

        assertThat(jray.task(ActorCallers::incrementNamed, "shared-tally").options(on("second")).remote().get(TIMEOUT))
                .isEqualTo(2);
        assertThat(named.task(Tally::count).remote().get(TIMEOUT)).isEqualTo(2);
    }

    @Test
    void aHandlePassedIntoAnotherActorReachesTheSameInstance() {
        ActorHandle<Tally> target = jray.actor(Tally.class).options(livingOn("first").build()).remote();
        ActorHandle<Tally> forwarder = jray.actor(Tally.class).options(livingOn("second").build()).remote();

        assertThat(forwarder.task(Tally::forward, target, 5).remote().get(TIMEOUT)).isEqualTo(5);
        assertThat(target.task(Tally::count).remote().get(TIMEOUT)).isEqualTo(5);
        assertThat(target.task(Tally::node).remote().get(TIMEOUT))
                .isNotEqualTo(forwarder.task(Tally::node).remote().get(TIMEOUT));
    }

    @Test
    void killedActorFailsLaterCallsWithinASecond() {
        ActorHandle<Tally> tally = jray.actor(Tally.class).options(livingOn("second").build()).remote();
        tally.task(Tally::increment).remote().get(TIMEOUT);

        jray.kill(tally);

        long start = System.nanoTime();
        assertThatThrownBy(() -> tally.task(Tally::increment).remote().get(Duration.ofSeconds(1)))
                .isInstanceOf(ActorDiedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void whenItsNodeIsKilledAnActorRestartsOrDiesAsItsOptionsSay() {
        List<WorkerProcess> spares = cluster.startWorkers(2, "--jray.node.resources.spare=10");
        ActorHandle<Tally> restartable = jray.actor(Tally.class)
                .options(livingOn("spare").maxRestarts(1).maxTaskRetries(1).build()).remote();
        ActorHandle<Tally> mortal = jray.actor(Tally.class).options(livingOn("spare").build()).remote();
        assertThat(restartable.task(Tally::increment).remote().get(TIMEOUT)).isEqualTo(1);
        assertThat(restartable.task(Tally::increment).remote().get(TIMEOUT)).isEqualTo(2);
        assertThat(mortal.task(Tally::increment).remote().get(TIMEOUT)).isEqualTo(1);
        String firstHost = restartable.task(Tally::node).remote().get(TIMEOUT);
        String mortalHost = mortal.task(Tally::node).remote().get(TIMEOUT);
        ObjectRef<Integer> running = restartable.task(Tally::countAfter, 3000L).remote();
        await().atMost(TIMEOUT).until(() -> "R".equals(cluster.node().records()
                .find(ObjectId.parse(running.id())).state()));

        processOf(spares, firstHost).kill();

        assertThat(running.get(TIMEOUT)).as("the running call, sent again to the new instance (maxTaskRetries=1)")
                .isZero();
        assertThat(restartable.task(Tally::increment).remote().get(TIMEOUT))
                .as("a new instance: the constructor ran again").isEqualTo(1);
        assertThat(restartable.task(Tally::node).remote().get(TIMEOUT)).isNotEqualTo(firstHost);
        if (!mortalHost.equals(firstHost)) {
            processOf(spares, mortalHost).kill();
        }
        await().atMost(TIMEOUT).untilAsserted(() -> assertThatThrownBy(
                () -> mortal.task(Tally::increment).remote().get(TIMEOUT)).isInstanceOf(ActorDiedException.class));
    }

    /** The worker JVM whose node has this id (its log names it). */
    private static WorkerProcess processOf(List<WorkerProcess> workers, String node) {
        return workers.stream().filter(w -> w.output().contains("jray node " + node + " joined")).findFirst()
                .orElseThrow(() -> new AssertionError("no worker process runs node " + node));
    }
}
