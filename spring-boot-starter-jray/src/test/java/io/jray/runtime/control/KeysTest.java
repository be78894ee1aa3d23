package io.jray.runtime.control;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeysTest {

    private final Keys keys = new Keys("ns");

    /** The part of a key that Redis Cluster hashes: the text between the first '{' and the next '}'. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        int close = open < 0 ? -1 : key.indexOf('}', open + 1);
        return close > open + 1 ? key.substring(open + 1, close) : null;
    }

    @Test
    void everyKeyOfAJobHashesOnTheJobAlone() {
        List<String> jobKeys = List.of(keys.job("jk2a9x0q"), keys.jobMeta("jk2a9x0q"), keys.shapes("jk2a9x0q"),
                keys.records("jk2a9x0q"), keys.record("jk2a9x0q", "n1.5"), keys.queue("jk2a9x0q", "cpu=1,gpu=0.5"),
                keys.notifications("jk2a9x0q", "n1"));

        assertThat(jobKeys).allSatisfy(key -> {
            assertThat(key).startsWith("ns:");
            assertThat(hashTag(key)).as("hash tag of %s", key).isEqualTo("jk2a9x0q");
            assertThat(keys.jobOf(key)).isEqualTo("jk2a9x0q");
        });
        assertThat(jobKeys).doesNotHaveDuplicates();
    }

    @Test
    void recordsOfAJobAreUnderTheScriptsKeyPrefix() {
        assertThat(keys.record("j1", "n1.5")).isEqualTo(keys.job("j1") + "o:n1.5");
        assertThat(keys.queue("j1", "cpu=1")).isEqualTo(keys.job("j1") + "q:cpu=1");
        assertThat(keys.records("j1")).isEqualTo(keys.job("j1") + "tasks");
        assertThat(keys.shapes("j1")).isEqualTo(keys.job("j1") + "shapes");
        assertThat(keys.notifications("j1", "n1")).isEqualTo(keys.job("j1") + "n:n1");
    }

    @Test
    void everyKeyOfANodeHashesOnTheNodeAndIsNoJobKey() {
        List<String> nodeKeys = List.of(keys.node("nabc"), keys.inbox("nabc"), keys.reaper("nabc"));

        assertThat(nodeKeys).allSatisfy(key -> {
            assertThat(hashTag(key)).isEqualTo("nabc");
            assertThat(keys.jobOf(key)).isNull();
        });
        assertThat(nodeKeys).doesNotHaveDuplicates();
    }

    @Test
    void clusterWideSetsCarryTheNamespace() {
        assertThat(keys.jobs()).isEqualTo("ns:jobs");
        assertThat(keys.nodes()).isEqualTo("ns:nodes");
        assertThat(keys.jobOf(keys.jobs())).isNull();
    }

    @Test
    void keysOfAnotherNamespaceBelongToNoJobOfThisOne() {
        assertThat(keys.jobOf(new Keys("other").record("j1", "x"))).isNull();
    }

    @Test
    void aTaskQueueKeyIsTakenApartIntoJobNameAndShape() {
        assertThat(keys.taskQueueOf(keys.queue("j1", "cpu=2,gpu=1")))
                .isEqualTo(new Keys.TaskQueue("j1", "q:cpu=2,gpu=1", "cpu=2,gpu=1"));
        assertThat(keys.taskQueueOf(keys.job("j1") + Keys.nodeQueue("cpu=1", "n7")))
                .isEqualTo(new Keys.TaskQueue("j1", "q:cpu=1@n7", "cpu=1"));
        assertThat(keys.taskQueueOf(keys.record("j1", "q:x"))).isNull();
        assertThat(keys.taskQueueOf(keys.job("j1") + Keys.actorQueue("a1"))).isNull();
        assertThat(keys.taskQueueOf(keys.jobs())).isNull();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "a{b", "a}b", "{ns}"})
    void aNamespaceThatIsBlankOrHasBracesIsRefused(String namespace) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Keys(namespace))
                .withMessageContaining("jray.namespace")
                .withMessageContaining("'" + namespace + "'");
    }
}
