package io.jray.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActorOptionsTest {

    @Test
    void defaultsAreOneCallAtATimeNoRestartsOwnedAndNoResources() {
        ActorOptions defaults = ActorOptions.defaults();

        assertThat(defaults.maxConcurrency()).isEqualTo(1);
        assertThat(defaults.maxRestarts()).isZero();
        assertThat(defaults.maxTaskRetries()).isZero();
        assertThat(defaults.lifetime()).isEqualTo(ActorOptions.Lifetime.OWNED);
        assertThat(defaults.cpus()).isZero();
        assertThat(defaults.resources()).isEmpty();
        assertThat(defaults.name()).isNull();
    }

    @Test
    void toBuilderKeepsEverySetting() {
        ActorOptions options = ActorOptions.builder().name("counter").cpus(1).memory(1024).resource("gpu", 2)
                .maxConcurrency(3).maxRestarts(4).maxTaskRetries(5).lifetime(ActorOptions.Lifetime.DETACHED).build();

        assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options.toString()).contains("counter", "gpu", "DETACHED");
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> ActorOptions.builder().name("a b"))
                .withMessageContaining("actor name");
        assertThatIllegalArgumentException().isThrownBy(() -> ActorOptions.builder().maxConcurrency(0))
                .withMessageContaining("maxConcurrency");
        assertThatIllegalArgumentException().isThrownBy(() -> ActorOptions.builder().maxRestarts(-1))
                .withMessageContaining("maxRestarts");
        assertThatIllegalArgumentException().isThrownBy(() -> ActorOptions.builder().maxTaskRetries(-1))
                .withMessageContaining("maxTaskRetries");
        assertThatIllegalArgumentException().isThrownBy(() -> ActorOptions.builder().cpus(-1))
                .withMessageContaining("cpus");
        assertThatIllegalArgumentException().isThrownBy(() -> ActorOptions.builder().resource("cpu", 1))
                .withMessageContaining("cpus(...)");
        assertThatIllegalArgumentException().isThrownBy(() -> ActorOptions.builder().resource("gpu", 0))
                .withMessageContaining("gpu");
    }
}
