package io.jray.runtime.node;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jray.runtime.core.Resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResourcesTest {

    @Test
    void shapeIsSortedByNameWithoutTrailingZeros() {
        Resources demand = Resources.of(Map.of("memory", 1073741824.0, "gpu", 1.0, "cpu", 2.0, "tpu", 0.25));

        assertThat(demand.shape()).isEqualTo("cpu=2,gpu=1,memory=1073741824,tpu=0.25");
    }

    @Test
    void equalDemandsHaveTheSameShapeWhateverTheInsertionOrder() {
        Map<String, Double> one = new HashMap<>(Map.of("cpu", 1.0));
        one.put("gpu", 1.0);
        Map<String, Double> other = new LinkedHashMap<>();
        other.put("gpu", 1.0);
        other.put("cpu", 1.0);

        assertThat(Resources.of(one).shape()).isEqualTo(Resources.of(other).shape()).isEqualTo("cpu=1,gpu=1");
        assertThat(Resources.of(one)).isEqualTo(Resources.of(other)).hasSameHashCodeAs(Resources.of(other));
    }

    @Test
    void zeroAmountsAreDroppedExceptCpu() {
        Resources demand = Resources.of(Map.of("cpu", 0.0, "gpu", 0.0));

        assertThat(demand.shape()).isEqualTo("cpu=0");
        assertThat(demand.amounts()).containsOnlyKeys("cpu");
        assertThat(Resources.of(Map.of("cpu", 1.0, "gpu", 0.0))).isEqualTo(Resources.of(Map.of("cpu", 1.0)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void negativeOrNonFiniteAmountsAreRefusedNamingTheResource(double amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> Resources.of(Map.of("gpu", amount)))
                .withMessageContaining("'gpu'");
    }

    @Test
    void parseShapeReadsWhatShapeWrites() {
        Resources demand = Resources.of(Map.of("cpu", 0.5, "gpu", 3.0, "memory", 5e9, "fpga.x_1-a", 1e-7));

        Resources parsed = Resources.parseShape(demand.shape());

        assertThat(parsed).isEqualTo(demand);
        assertThat(parsed.shape()).isEqualTo(demand.shape());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cpu", "=1", "cpu=1,gpu", "cpu=1,,gpu=1"})
    void parseShapeRefusesMalformedText(String shape) {
        assertThatIllegalArgumentException().isThrownBy(() -> Resources.parseShape(shape))
                .withMessageContaining("malformed resource shape '" + shape + "'");
    }

    @Test
    void parseShapeRefusesBadAmounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> Resources.parseShape("cpu=lots"));
        assertThatIllegalArgumentException().isThrownBy(() -> Resources.parseShape("cpu=-1"))
                .withMessageContaining("'cpu'");
    }

    @Test
    void fitsInComparesEveryResourceOfTheDemand() {
        Resources node = Resources.of(Map.of("cpu", 4.0, "gpu", 1.0));

        assertThat(Resources.of(Map.of("cpu", 4.0, "gpu", 1.0)).fitsIn(node)).isTrue();
        assertThat(Resources.of(Map.of("cpu", 0.0)).fitsIn(node)).isTrue();
        assertThat(Resources.of(Map.of("cpu", 5.0)).fitsIn(node)).isFalse();
        assertThat(Resources.of(Map.of("cpu", 1.0, "gpu", 2.0)).fitsIn(node)).isFalse();
        assertThat(Resources.of(Map.of("cpu", 1.0, "tpu", 1.0)).fitsIn(node)).as("a resource the node lacks").isFalse();
    }

    @Test
    void fitsInToleratesFloatingPointRoundingOfFractionalAmounts() {
        Resources demand = Resources.of(Map.of("cpu", 0.1 + 0.2));

        assertThat(demand.fitsIn(Resources.of(Map.of("cpu", 0.3)))).isTrue();
    }
}
