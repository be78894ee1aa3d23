package io.jray.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ObjectRefs that travel as references, not as dependencies: inside other values, as parameters of
 * type ObjectRef, and as results. The task that receives one resolves it itself.
 */
@ExtendWith(BlockingGate.class)
class ObjectRefsInValuesTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner node() {
        return redis.node().withUserConfiguration(Arithmetic.class, Blocking.class, RefTasks.class);
    }

    @Test
    void refsInsideAListArgumentAreResolvedByTheTask() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = List.of(jray.task(Arithmetic::square, 2).remote(),
                    jray.task(Arithmetic::square, 3).remote(), jray.put(10));

            assertThat(jray.task(RefTasks::sum, refs).remote().get(TIMEOUT)).isEqualTo(23);
        });
    }

    @Test
    void refsInsideAMapArgumentAreResolvedByTheTask() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            Map<String, ObjectRef<Integer>> named = Map.of("a", jray.put(1), "b", jray.task(Arithmetic::add, 2, 3).remote());

            assertThat(jray.task(RefTasks::describe, named).remote().get(TIMEOUT)).isEqualTo("a=1;b=5;");
        });
    }

    @Test
    void aParameterOfTypeObjectRefReceivesTheRefWithoutWaitingForIt() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> blocked = jray.task(Blocking::atGate, 7).remote();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();

            ObjectRef<String> reader = jray.task(RefTasks::readyOnArrival, blocked).remote();
            assertThat(reader.isReady()).isFalse();
            Blocking.openGate();

            assertThat(reader.get(TIMEOUT)).isEqualTo("false:7");
        });
    }

    @Test
    void aRefReturnedByATaskCanBeResolvedByTheCaller() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);

            ObjectRef<Integer> inner = jray.task(RefTasks::squareLater, 9).remote().get(TIMEOUT);

            assertThat(inner.get(TIMEOUT)).isEqualTo(81);
        });
    }

    @Test
    void aRefReturnedByOneTaskIsAnArgumentOfAnother() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> inner = jray.task(RefTasks::squareLater, 4).remote().get(TIMEOUT);

            assertThat(jray.task(Arithmetic::add, inner, 1).remote().get(TIMEOUT)).isEqualTo(17);
            assertThat(jray.task(RefTasks::sum, List.of(inner, inner)).remote().get(TIMEOUT)).isEqualTo(32);
        });
    }
}
