package io.jray.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jray.api.GetTimeoutException;
import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.api.WaitResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Bounded waits: {@code get} with a timeout and {@code wait} for some of many refs. */
@ExtendWith(BlockingGate.class)
class WaitAndTimeoutTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final JRayTestRedis redis = new JRayTestRedis();

    private ApplicationContextRunner node() {
        return redis.node().withUserConfiguration(Arithmetic.class, Blocking.class);
    }

    @Test
    void getWithATimeoutThrowsWhenTheValueIsLateAndTheTaskGoesOn() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> late = jray.task(Blocking::atGate, 5).remote();
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();

            assertThatExceptionOfType(GetTimeoutException.class).isThrownBy(() -> late.get(Duration.ofMillis(300)))
                    .withMessageContaining(late.id())
                    .withMessageContaining("not ready within PT0.3S");
            assertThatExceptionOfType(GetTimeoutException.class)
                    .isThrownBy(() -> jray.get(late, Duration.ZERO));
            assertThat(late.isReady()).isFalse();

            Blocking.openGate();
            assertThat(late.get(TIMEOUT)).isEqualTo(5);
        });
    }

    @Test
    void getOfAListWithATimeoutThrowsWhenAnyValueIsLate() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = List.of(jray.task(Arithmetic::square, 3).remote(),
                    jray.task(Blocking::atGate, 4).remote());
            assertThat(Blocking.awaitArrivals(1, TIMEOUT)).isTrue();

            assertThatExceptionOfType(GetTimeoutException.class)
                    .isThrownBy(() -> jray.get(refs, Duration.ofMillis(300)));

            Blocking.openGate();
            assertThat(jray.get(refs, TIMEOUT)).containsExactly(9, 4);
        });
    }

    @Test
    void waitSplitsReadyFromNotReadyKeepingTheGivenOrder() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> blocked = jray.task(Blocking::atGate, 1).remote();
            ObjectRef<Integer> quick = jray.task(Arithmetic::square, 2).remote();
            ObjectRef<Integer> put = jray.put(3);
            ObjectRef<Integer> failed = jray.task(Arithmetic::fail, "counts as ready").remote();
            List<ObjectRef<Integer>> refs = List.of(blocked, quick, put, failed);

            WaitResult<Integer> result = jray.wait(refs, 3, TIMEOUT);

            assertThat(result.ready()).containsExactly(quick, put, failed);
            assertThat(result.notReady()).containsExactly(blocked);
            Blocking.openGate();
            assertThat(jray.wait(refs, 4, TIMEOUT).ready()).containsExactlyElementsOf(refs);
        });
    }

    @Test
    void waitReturnsAfterTheTimeoutWithFewerReadyThanAskedFor() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            ObjectRef<Integer> blocked = jray.task(Blocking::atGate, 1).remote();
            ObjectRef<Integer> put = jray.put(2);

            WaitResult<Integer> result = jray.wait(List.of(blocked, put), 2, Duration.ofMillis(500));

            assertThat(result.ready()).containsExactly(put);
            assertThat(result.notReady()).containsExactly(blocked);
            Blocking.openGate();
            assertThat(blocked.get(TIMEOUT)).isEqualTo(1);
        });
    }

    @Test
    void waitPutsNoMoreThanNumReadyIntoReady() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = List.of(jray.put(1), jray.put(2), jray.put(3));

            WaitResult<Integer> result = jray.wait(refs, 2, TIMEOUT);

            assertThat(result.ready()).containsExactly(refs.get(0), refs.get(1));
            assertThat(result.notReady()).containsExactly(refs.get(2));
            assertThat(jray.wait(refs, 0, TIMEOUT).ready()).isEmpty();
        });
    }

    @Test
    void waitAndGetRefuseBadArguments() {
        node().run(context -> {
            JRay jray = context.getBean(JRay.class);
            List<ObjectRef<Integer>> refs = List.of(jray.put(1));

            assertThatIllegalArgumentException().isThrownBy(() -> jray.wait(refs, 2, TIMEOUT))
                    .withMessageContaining("numReady must be between 0 and the number of refs (1), was 2");
            assertThatIllegalArgumentException().isThrownBy(() -> jray.wait(refs, -1, TIMEOUT));
            assertThatIllegalArgumentException().isThrownBy(() -> jray.wait(refs, 1, Duration.ofSeconds(-1)))
                    .withMessageContaining("timeout must be zero or positive");
            assertThatIllegalArgumentException().isThrownBy(() -> jray.get(refs.getFirst(), null));
        });
    }
}
