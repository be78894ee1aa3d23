package io.jray.runtime.worker;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefetchPolicyTest {

    private static final long SHORT = TimeUnit.MILLISECONDS.toNanos(2);

    private final PrefetchPolicy policy = new PrefetchPolicy(SHORT, 256);

    @Test
    void withNoTaskRunYetOnlyWhatFitsIsRead() {
        assertThat(policy.readsAhead()).isFalse();
        assertThat(policy.readCount(3, 0)).isEqualTo(3);
        assertThat(policy.readCount(3, 1)).isEqualTo(2);
    }

    @Test
    void whileTasksAreShortUpToTheMaximumIsReadAhead() {
        policy.record(TimeUnit.MICROSECONDS.toNanos(100));

        assertThat(policy.readsAhead()).isTrue();
        assertThat(policy.readCount(2, 0)).isEqualTo(256);
        assertThat(policy.readCount(2, 200)).as("minus what already waits here").isEqualTo(56);
    }

    @Test
    void whileTasksAreLongOnlyWhatFitsIsRead() {
        policy.record(TimeUnit.SECONDS.toNanos(1));

        assertThat(policy.readsAhead()).isFalse();
        assertThat(policy.readCount(2, 0)).isEqualTo(2);
    }

    @Test
    void theReadCountIsNeverNegative() {
        assertThat(policy.readCount(0, 5)).isZero();
        policy.record(1000);
        assertThat(policy.readCount(0, 1000)).isZero();
    }

    @Test
    void aRunOfLongTasksEndsReadingAheadAndARunOfShortOnesResumesIt() {
        policy.record(TimeUnit.MICROSECONDS.toNanos(50));
        assertThat(policy.readsAhead()).isTrue();

        for (int i = 0; i < 5; i++) {
            policy.record(TimeUnit.MILLISECONDS.toNanos(500));
        }
        assertThat(policy.readsAhead()).isFalse();

        for (int i = 0; i < 100; i++) {
            policy.record(TimeUnit.MICROSECONDS.toNanos(50));
        }
        assertThat(policy.readsAhead()).isTrue();
    }

    @Test
    void oneSlowTaskAmongManyShortOnesDoesNotStopReadingAheadForLong() {
        for (int i = 0; i < 50; i++) {
            policy.record(TimeUnit.MICROSECONDS.toNanos(10));
        }
        policy.record(TimeUnit.MILLISECONDS.toNanos(5));
        for (int i = 0; i < 10; i++) {
            policy.record(TimeUnit.MICROSECONDS.toNanos(10));
        }

        assertThat(policy.readsAhead()).isTrue();
    }
}
