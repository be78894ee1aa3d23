package io.jray.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskOptionsTest {

    @Test
    void defaultsAreOneCpuThreeRetriesNoExceptionRetriesNoNameNoTimeout() {
        TaskOptions defaults = TaskOptions.defaults();

        assertThat(defaults.cpus()).isEqualTo(1);
        assertThat(defaults.memory()).isZero();
        assertThat(defaults.resources()).isEmpty();
        assertThat(defaults.maxRetries()).isEqualTo(TaskOptions.DEFAULT_MAX_RETRIES).isEqualTo(3);
        assertThat(defaults.retryExceptions()).isFalse();
        assertThat(defaults.retryOn()).isEmpty();
        assertThat(defaults.name()).isNull();
        assertThat(defaults.timeout()).isNull();
        assertThat(TaskOptions.builder().build()).isEqualTo(defaults);
    }

    @Test
    void theBuilderSetsEveryOption() {
        TaskOptions options = TaskOptions.builder().cpus(0.5).memory(1024).resource("gpu", 2).maxRetries(0)
                .retryExceptions(IOException.class).name("train").timeout(Duration.ofSeconds(5)).build();

        assertThat(options.cpus()).isEqualTo(0.5);
        assertThat(options.memory()).isEqualTo(1024);
        assertThat(options.resources()).containsExactly(Map.entry("gpu", 2.0));
        assertThat(options.maxRetries()).isZero();
        assertThat(options.retryExceptions()).isTrue();
        assertThat(options.retryOn()).containsExactly(IOException.class);
        assertThat(options.name()).isEqualTo("train");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void toBuilderStartsFromTheseOptions() {
        TaskOptions options = TaskOptions.builder().cpus(2).resource("gpu", 1).retryExceptions(IOException.class)
                .name("x").build();

        assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options.toBuilder().cpus(3).build()).isNotEqualTo(options);
        assertThat(options.toBuilder().cpus(3).build().resources()).containsEntry("gpu", 1.0);
    }

    @Test
    void retryExceptionsFalseForgetsTheRetriedTypes() {
        TaskOptions options = TaskOptions.builder().retryExceptions(IOException.class).retryExceptions(false).build();

        assertThat(options.retryExceptions()).isFalse();
        assertThat(options.retryOn()).isEmpty();
    }

    @Test
    void builtOptionsAreImmutable() {
        TaskOptions.Builder builder = TaskOptions.builder().resource("gpu", 1);
        TaskOptions options = builder.build();
        builder.resource("tpu", 1);

        assertThat(options.resources()).containsOnlyKeys("gpu");
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> options.resources().put("x", 1.0));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> options.retryOn().add(RuntimeException.class));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, -0.001, Double.NaN, Double.POSITIVE_INFINITY})
    void cpusMustBeFiniteAndNotNegative(double cpus) {
        assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.builder().cpus(cpus))
                .withMessageContaining("cpus must be a finite number >= 0");
    }

    @Test
    void zeroCpusIsAllowedForTasksThatOnlyWait() {
        assertThat(TaskOptions.builder().cpus(0).build().cpus()).isZero();
    }

    @Test
    void memoryMustNotBeNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.builder().memory(-1))
                .withMessageContaining("memory must be >= 0");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1gpu", "g pu", "gpu!", "_gpu", "gpu=1", "gpu,tpu", "{gpu}"})
    void resourceNamesMustStartWithALetterAndUseSafeCharacters(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.builder().resource(name, 1))
                .withMessageContaining("resource name must be a letter")
                .withMessageContaining("'" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "GPU", "fpga.x_1-a"})
    void validResourceNamesAreAccepted(String name) {
        assertThat(TaskOptions.builder().resource(name, 1).build().resources()).containsOnlyKeys(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "memory"})
    void cpuAndMemoryAreNotCustomResources(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.builder().resource(name, 1))
                .withMessageContaining("use cpus(...) and memory(...)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void resourceAmountsMustBeFiniteAndPositive(double amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.builder().resource("gpu", amount))
                .withMessageContaining("amount of resource 'gpu' must be a finite number > 0");
    }

    @Test
    void maxRetriesMustNotBeNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.builder().maxRetries(-1))
                .withMessageContaining("maxRetries must be >= 0");
    }

    @Test
    void timeoutMustBePositiveOrNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.builder().timeout(Duration.ZERO))
                .withMessageContaining("timeout must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.builder().timeout(Duration.ofMillis(-5)))
                .withMessageContaining("timeout must be positive");
        assertThat(TaskOptions.builder().timeout(Duration.ofSeconds(1)).timeout(null).build().timeout()).isNull();
    }

    @Test
    void aNullRetriedExceptionTypeIsRefused() {
        assertThatExceptionOfType(NullPointerException.class)
                .isThrownBy(() -> TaskOptions.builder().retryExceptions(IOException.class, null))
                .withMessageContaining("retry exception type");
    }
}
