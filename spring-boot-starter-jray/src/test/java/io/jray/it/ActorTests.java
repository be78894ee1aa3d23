package io.jray.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.ActorCreationException;
import io.jray.api.ActorDiedException;
import io.jray.api.ActorHandle;
import io.jray.api.ActorOptions;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.TaskFailedException;
import io.jray.test.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Actors on one node: state, order, handles, names, kill and failures. */
class ActorTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner node() {
        return redis.node().withUserConfiguration(Counter.class, BrokenActor.class, ActorUsers.class,
                ActorUsers.Forwarder.class);
    }

    @Test
    void callsFromOneCallerRunInOrderOnOneInstance() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ActorHandle<Counter> counter = jray.actor(Counter.class).remote();
            List<ObjectRef<Integer>> refs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                refs.add(counter.task(Counter::increment).remote());
            }
            assertThat(jray.get(refs, TIMEOUT)).containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).boxed().toList());
        });
    }

    @Test
    void constructorArgumentsReachTheInstance() {
        node().run(context -> {
            ActorHandle<Counter> counter = context.getBean(JRay.class).actor(Counter.class, 41).remote();
            assertThat(counter.task(Counter::increment).remote().get(TIMEOUT)).isEqualTo(42);
        });
    }

    @Test
    void anExceptionFailsOneCallAndTheActorLivesOn() {
        node().run(context -> {
            ActorHandle<Counter> counter = context.getBean(JRay.class).actor(Counter.class).remote();
            ObjectRef<Integer> failed = counter.task(Counter::failIfNegative, -1).remote();
            ObjectRef<Integer> next = counter.task(Counter::increment).remote();

            assertThatThrownBy(() -> failed.get(TIMEOUT)).isInstanceOfSatisfying(TaskFailedException.class,
                    e -> assertThat(e.remoteType()).isEqualTo(IllegalArgumentException.class.getName()));
            assertThat(next.get(TIMEOUT)).isEqualTo(1);
        });
    }

    @Test
    void aThrowingConstructorFailsEveryCallWithItsCause() {
        node().run(context -> {
            ActorHandle<BrokenActor> broken = context.getBean(JRay.class).actor(BrokenActor.class).remote();
            ObjectRef<Integer> early = broken.task(BrokenActor::ping).remote();

            assertThatThrownBy(() -> early.get(TIMEOUT)).isInstanceOfSatisfying(ActorCreationException.class, e -> {
                assertThat(e.getMessage()).contains("BrokenActor", "cannot build");
                assertThat(e.getCause()).isInstanceOfSatisfying(io.jray.api.RemoteTaskException.class, cause -> {
                    assertThat(cause.remoteType()).isEqualTo(IllegalStateException.class.getName());
                    assertThat(cause.remoteMessage()).isEqualTo("cannot build");
                });
            });
            assertThatThrownBy(() -> broken.task(BrokenActor::ping).remote().get(TIMEOUT))
                    .isInstanceOf(ActorCreationException.class);
        });
    }

    @Test
    void killMakesLaterCallsFailWithActorDied() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ActorHandle<Counter> counter = jray.actor(Counter.class).remote();
            assertThat(counter.task(Counter::increment).remote().get(TIMEOUT)).isEqualTo(1);

            jray.kill(counter);

            assertThatThrownBy(() -> counter.task(Counter::increment).remote().get(Duration.ofSeconds(1)))
                    .isInstanceOf(ActorDiedException.class).hasMessageContaining("was killed");
        });
    }

    @Test
    void aNamedActorIsFoundAndNamesAreUnique() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ActorHandle<Counter> counter = jray.actor(Counter.class).name("ticks").remote();
            counter.task(Counter::add, 5).remote().get(TIMEOUT);

            ActorHandle<Counter> found = jray.getActor("ticks", Counter.class).orElseThrow();
            assertThat(found.task(Counter::increment).remote().get(TIMEOUT)).isEqualTo(6);
            assertThat(jray.getActor("no-such-actor", Counter.class)).isEmpty();
            assertThatIllegalArgumentException().isThrownBy(() -> jray.actor(Counter.class).name("ticks").remote())
                    .withMessageContaining("ticks");

            jray.kill(counter);
            assertThat(jray.getActor("ticks", Counter.class)).isEmpty();
        });
    }

    @Test
    void handlesTravelIntoTasksAndOtherActors() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ActorHandle<Counter> counter = jray.actor(Counter.class).remote();
            List<ObjectRef<Integer>> tasks = IntStream.range(0, 3)
                    .mapToObj(i -> jray.task(ActorUsers::incrementMany, counter, 100).remote()).toList();
            jray.get(tasks, TIMEOUT);
            assertThat(counter.task(Counter::value).remote().get(TIMEOUT)).isEqualTo(300);

            ActorHandle<ActorUsers.Forwarder> forwarder = jray.actor(ActorUsers.Forwarder.class).remote();
            assertThat(forwarder.task(ActorUsers.Forwarder::forward, counter, 10).remote().get(TIMEOUT)).isEqualTo(310);
            ObjectRef<ActorHandle<Counter>> stored = jray.put(counter);
            assertThat(stored.get(TIMEOUT).task(Counter::value).remote().get(TIMEOUT)).isEqualTo(310);
        });
    }

    @Test
    void anOwnedActorDiesWithItsCreatorAndADetachedOneLivesOn() {
        String namespace = TestRedis.uniqueNamespace();
        ApplicationContextRunner host = redis.node(namespace).withUserConfiguration(Counter.class)
                .withPropertyValues("jray.node.resources.host=10");
        ApplicationContextRunner creator = redis.node(namespace).withUserConfiguration(Counter.class)
                .withPropertyValues("jray.worker.enabled=false");
        host.run(hostContext -> {
            JRay survivor = hostContext.getBean(JRay.class);
            creator.run(creatorContext -> {
                JRay jray = creatorContext.getBean(JRay.class);
                ActorOptions onHost = ActorOptions.builder().resource("host", 1).build();
                jray.actor(Counter.class).options(onHost.toBuilder().name("owned-counter").build()).remote()
                        .task(Counter::increment).remote().get(TIMEOUT);
                jray.actor(Counter.class).options(onHost.toBuilder().name("detached-counter")
                        .lifetime(ActorOptions.Lifetime.DETACHED).build()).remote()
                        .task(Counter::increment).remote().get(TIMEOUT);
                assertThat(survivor.getActor("owned-counter", Counter.class)).isPresent();
            });

            assertThat(survivor.getActor("owned-counter", Counter.class)).as("owned actor after its creator left")
                    .isEmpty();
            ActorHandle<Counter> detached = survivor.getActor("detached-counter", Counter.class).orElseThrow();
            assertThat(detached.task(Counter::increment).remote().get(TIMEOUT)).isEqualTo(2);
            survivor.kill(detached);
            assertThat(survivor.getActor("detached-counter", Counter.class)).isEmpty();
        });
    }

    @Test
    void maxConcurrencyLetsCallsOverlap() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            Counter.concurrentMax.set(0);
            ActorHandle<Counter> counter = jray.actor(Counter.class)
                    .options(ActorOptions.builder().maxConcurrency(4).build()).remote();
            List<ObjectRef<Integer>> refs = IntStream.range(0, 8)
                    .mapToObj(i -> counter.task(Counter::slowly, 300).remote()).toList();
            jray.get(refs, TIMEOUT);
            assertThat(Counter.concurrentMax.get()).isBetween(2, 4);
        });
    }
}
