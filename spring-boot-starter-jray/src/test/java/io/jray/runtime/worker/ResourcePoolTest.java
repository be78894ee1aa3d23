package io.jray.runtime.worker;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.jray.runtime.core.Resources;

import static org.assertj.core.api.Assertions.assertThat;

class ResourcePoolTest {

    private final ResourcePool pool = new ResourcePool(Resources.of(Map.of("cpu", 4.0, "gpu", 1.0)));

    private static Resources demand(double cpu) {
        return Resources.of(Map.of("cpu", cpu));
    }

    private static Resources demand(double cpu, double gpu) {
        return Resources.of(Map.of("cpu", cpu, "gpu", gpu));
    }

    @Test
    void acquiresWhileEveryResourceSuffices() {
        assertThat(pool.tryAcquire(demand(1, 1))).isTrue();
        assertThat(pool.tryAcquire(demand(1, 1))).as("the only gpu is taken").isFalse();
        assertThat(pool.tryAcquire(demand(3))).isTrue();
        assertThat(pool.tryAcquire(demand(1))).as("all cpus are taken").isFalse();
        assertThat(pool.freeCpus()).isZero();
    }

    @Test
    void aFailedAcquireTakesNothing() {
        assertThat(pool.tryAcquire(demand(2, 5))).isFalse();

        assertThat(pool.freeCpus()).isEqualTo(4);
        assertThat(pool.tryAcquire(demand(4, 1))).isTrue();
    }

    @Test
    void aResourceTheNodeLacksIsNeverAcquired() {
        assertThat(pool.tryAcquire(Resources.of(Map.of("cpu", 1.0, "tpu", 1.0)))).isFalse();
        assertThat(pool.fits(Resources.of(Map.of("cpu", 1.0, "tpu", 1.0)), 100)).isZero();
    }

    @Test
    void releaseGivesBackWhatWasTaken() {
        pool.tryAcquire(demand(4, 1));

        pool.release(demand(4, 1));

        assertThat(pool.freeCpus()).isEqualTo(4);
        assertThat(pool.tryAcquire(demand(4, 1))).isTrue();
    }

    @Test
    void fitsCountsHowManyMoreTasksOfADemandFitNow() {
        assertThat(pool.fits(demand(1), 100)).isEqualTo(4);
        assertThat(pool.fits(demand(1.5), 100)).isEqualTo(2);
        assertThat(pool.fits(demand(1, 1), 100)).isEqualTo(1);
        assertThat(pool.fits(demand(1), 3)).as("capped").isEqualTo(3);
        assertThat(pool.fits(demand(0), 50)).as("a task that needs no cpu").isEqualTo(50);

        pool.tryAcquire(demand(3));

        assertThat(pool.fits(demand(1), 100)).isEqualTo(1);
        assertThat(pool.fits(demand(2), 100)).isZero();
    }

    @Test
    void fractionalDemandsAddUpDespiteRounding() {
        ResourcePool small = new ResourcePool(Resources.of(Map.of("cpu", 0.3)));

        assertThat(small.fits(demand(0.1), 100)).isEqualTo(3);
        assertThat(small.tryAcquire(demand(0.1))).isTrue();
        assertThat(small.tryAcquire(demand(0.1))).isTrue();
        assertThat(small.tryAcquire(demand(0.1))).isTrue();
        assertThat(small.tryAcquire(demand(0.1))).isFalse();
    }

    @Test
    void aBlockedTaskGivesBackItsCpusAndTakesThemBackEvenBeyondTheLimit() {
        pool.tryAcquire(demand(4));

        pool.releaseCpu(4);
        assertThat(pool.tryAcquire(demand(4))).as("another task runs meanwhile").isTrue();
        pool.reacquireCpu(4);

        assertThat(pool.freeCpus()).as("oversubscribed while both run").isEqualTo(-4);
        assertThat(pool.fits(demand(1), 100)).isZero();
        assertThat(pool.tryAcquire(demand(1))).isFalse();
        pool.release(demand(4));
        pool.release(demand(4));
        assertThat(pool.freeCpus()).isEqualTo(4);
    }

    @Test
    void everyReleaseTellsTheListener() {
        AtomicInteger releases = new AtomicInteger();
        pool.onRelease(releases::incrementAndGet);
        pool.tryAcquire(demand(4));

        pool.release(demand(2));
        pool.releaseCpu(1);

        assertThat(releases).hasValue(2);
    }
}
