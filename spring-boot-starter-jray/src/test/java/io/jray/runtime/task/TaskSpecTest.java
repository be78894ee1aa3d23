package io.jray.runtime.task;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.jray.runtime.core.ObjectId;
import io.jray.runtime.core.Resources;
import io.jray.runtime.core.TaskArg;
import io.jray.runtime.core.TaskSpec;
import io.jray.runtime.serialization.BinaryWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskSpecTest {

    private static final ObjectId TASK = new ObjectId("jabc1234", "n1.7");

    private static TaskSpec fullSpec() {
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 7);
        return new TaskSpec(TASK, "com.example.Tutorial#add(int,int)",
                List.of(new TaskArg.Value(new byte[] {1, 2, 3}), new TaskArg.Value(big),
                        new TaskArg.Ref(new ObjectId("jabc1234", "n1.3"), "n1"),
                        new TaskArg.Ref(new ObjectId("jother99", "m2.1"), "m2")),
                Resources.of(Map.of("cpu", 0.5, "gpu", 2.0)), 5, true, List.of("java.io.IOException"),
                "naïve ✓ name", 86_400_000L, "n1", "n1.2", TaskSpec.Kind.ACTOR_CALL, new ObjectId("jabc1234", "n1.1"), 1,
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "baggage", "k=v"));
    }

    @Test
    void encodeThenDecodeGivesBackEveryField() {
        TaskSpec spec = fullSpec();

        TaskSpec decoded = TaskSpec.decode(spec.encode());

        assertThat(decoded).usingRecursiveComparison().isEqualTo(spec);
    }

    @Test
    void nullNameAndParentAndNoArgumentsSurviveTheRoundTrip() {
        TaskSpec spec = new TaskSpec(TASK, "f", List.of(), Resources.of(Map.of("cpu", 1.0)), 0, false, List.of(),
                null, 0, "n1", null);

        TaskSpec decoded = TaskSpec.decode(spec.encode());

        assertThat(decoded).usingRecursiveComparison().isEqualTo(spec);
        assertThat(decoded.name()).isNull();
        assertThat(decoded.parent()).isNull();
    }

    @Test
    void dependenciesAreTheDistinctRefsOfTheSameJobInArgumentOrder() {
        ObjectId a = new ObjectId("jabc1234", "n1.3");
        ObjectId b = new ObjectId("jabc1234", "n1.4");
        TaskSpec spec = new TaskSpec(TASK, "f",
                List.of(new TaskArg.Ref(b, "n1"), new TaskArg.Value(new byte[] {1}), new TaskArg.Ref(a, "n1"),
                        new TaskArg.Ref(b, "n1"), new TaskArg.Ref(new ObjectId("jother99", "x.1"), "x")),
                Resources.of(Map.of("cpu", 1.0)), 3, false, List.of(), null, 0, "n1", null);

        assertThat(spec.dependencies()).containsExactly(b, a);
    }

    @Test
    void everyTruncationOfAValidSpecIsRefusedWithIllegalArgumentException() {
        byte[] bytes = fullSpec().encode();

        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatIllegalArgumentException().as("decoding the first %d of %d bytes", length, bytes.length)
                    .isThrownBy(() -> TaskSpec.decode(prefix));
        }
    }

    @Test
    void truncatedInputNamesWhatIsMissingAndWhere() {
        byte[] bytes = fullSpec().encode();

        assertThatIllegalArgumentException().isThrownBy(() -> TaskSpec.decode(Arrays.copyOf(bytes, 20)))
                .withMessageContaining("truncated input")
                .withMessageContaining("of 20");
    }

    @Test
    void unknownVersionIsRefusedWithAHintAboutMixedVersions() {
        byte[] bytes = fullSpec().encode();
        bytes[0] = 9;

        assertThatIllegalArgumentException().isThrownBy(() -> TaskSpec.decode(bytes))
                .withMessageContaining("unknown version 9")
                .withMessageContaining("same jray version");
    }

    @Test
    void unknownArgumentKindIsRefused() {
        byte[] bytes = new BinaryWriter(32).writeByte(3).writeString("j").writeString("t").writeString("f")
                .writeVarLong(1).writeByte(5).writeByte(0).toByteArray();

        assertThatIllegalArgumentException().isThrownBy(() -> TaskSpec.decode(bytes))
                .withMessageContaining("unknown argument kind 5");
    }

    @Test
    void aCountFarLargerThanTheInputIsRefusedWithoutAllocatingForIt() {
        byte[] bytes = new BinaryWriter(32).writeByte(3).writeString("j").writeString("t").writeString("f")
                .writeVarLong(Integer.MAX_VALUE).toByteArray();

        assertThatIllegalArgumentException().isThrownBy(() -> TaskSpec.decode(bytes));
    }
}
