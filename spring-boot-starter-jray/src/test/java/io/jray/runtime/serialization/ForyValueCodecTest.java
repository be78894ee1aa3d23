package io.jray.runtime.serialization;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.jray.api.SerializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ForyValueCodecTest {

    private final ValueCodec codec = ValueCodec.fory(List.of(Point.class, Line.class, Color.class), List.of());

    @Test
    void registeredTypesAndJdkValuesSurviveTheRoundTrip() {
        Map<String, Point> named = new HashMap<>(Map.of("origin", new Point(0, 0)));
        List<Object> values = List.of(new Point(1, -2),
                new Line(new Point(1, 2), new Point(3, 4), new ArrayList<>(List.of(new Point(5, 6))), named, Color.RED),
                "text ✓", 42, 7L, 2.5, true, new int[] {1, 2, 3}, new double[][] {{1.5}, {2.5, 3.5}},
                new ArrayList<>(List.of("a", "b")), List.of(new Point(7, 8)), Map.of("k", 1));

        for (Object value : values) {
            assertThat(codec.decode(codec.encode(value))).as("round trip of %s", value).isEqualTo(value);
        }
    }

    @Test
    void nullSurvivesTheRoundTrip() {
        assertThat(codec.decode(codec.encode(null))).isNull();
    }

    @Test
    void sharedReferencesStayShared() {
        Point p = new Point(1, 1);
        List<Point> twice = new ArrayList<>(List.of(p, p));

        @SuppressWarnings("unchecked")
        List<Point> decoded = (List<Point>) codec.decode(codec.encode(twice));

        assertThat(decoded.get(0)).isSameAs(decoded.get(1));
    }

    @Test
    void anUnregisteredTypeFailsNamingTheClassAndHowToRegisterIt() {
        assertThatExceptionOfType(SerializationException.class)
                .isThrownBy(() -> codec.encode(new Unregistered("x")))
                .withMessageContaining(Unregistered.class.getName())
                .withMessageContaining("@RemoteTask method signature")
                .withMessageContaining("jray.serialization.allowed-types")
                .withMessageContaining("SerializationCustomizer")
                .withCauseInstanceOf(RuntimeException.class);
    }

    @Test
    void anUnregisteredTypeNestedInARegisteredContainerFailsToo() {
        List<Object> list = new ArrayList<>(List.of(new Point(1, 2), new Unregistered("inside")));

        assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec.encode(list))
                .withMessageContaining(Unregistered.class.getName());
    }

    @Test
    void aNodeThatDidNotRegisterATypeRefusesToReadIt() {
        ValueCodec reader = ValueCodec.fory(List.of(Color.class), List.of());
        byte[] bytes = codec.encode(new Point(3, 4));

        assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> reader.decode(bytes))
                .withMessageContaining("cannot decode a value of " + bytes.length + " bytes");
    }

    @Test
    void garbageBytesFailWithSerializationException() {
        byte[] text = "not a fory value at all".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(codec.encode(new Point(1, 2)), 3);

        assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec.decode(text))
                .withMessageContaining("cannot decode a value of " + text.length + " bytes");
        assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec.decode(truncated))
                .withMessageContaining("cannot decode a value of 3 bytes");
        assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec.decode(new byte[0]))
                .withMessageContaining("cannot decode a value of 0 bytes");
    }

    @Test
    void bytesThatAreNotExactlyOneEncodedValueAreRefused() {
        byte[] nullFlaggedGarbage = {(byte) 0xFF, 0x13, 0x37, 0x00, (byte) 0x99, 0x42, 0x01, 0x7F};
        byte[] valueWithTrailingJunk = Arrays.copyOf(codec.encode(42), codec.encode(42).length + 4);

        assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec.decode(nullFlaggedGarbage))
                .withMessageContaining("cannot decode a value of 8 bytes");
        assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec.decode(valueWithTrailingJunk));
    }

    @Test
    void registeredTypesAreListedByClassName() {
        assertThat(codec.registeredTypes()).containsExactlyInAnyOrder(Point.class.getName(), Line.class.getName(),
                Color.class.getName());
    }

    @Test
    void codecsRegisteringTheSameTypesInAnotherOrderReadEachOthersBytes() {
        ValueCodec other = ValueCodec.fory(List.of(Color.class, Line.class, Point.class), List.of());
        Line line = new Line(new Point(1, 2), new Point(3, 4), new ArrayList<>(), new HashMap<>(), Color.BLUE);

        assertThat(other.decode(codec.encode(line))).isEqualTo(line);
    }

    @Test
    void concurrentUseFromManyThreadsGivesEveryCallerItsOwnValue() throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Callable<Boolean>> calls = IntStream.range(0, 64).<Callable<Boolean>>mapToObj(i -> () -> {
                for (int k = 0; k < 50; k++) {
                    Point p = new Point(i, k);
                    if (!p.equals(codec.decode(codec.encode(p)))) {
                        return false;
                    }
                }
                return true;
            }).toList();
            for (Future<Boolean> result : threads.invokeAll(calls)) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    record Point(int x, int y) {
    }

    enum Color {
        RED, BLUE
    }

    record Line(Point from, Point to, List<Point> via, Map<String, Point> named, Color color) {
    }

    /** Serializable, yet never read: jray never falls back to Java serialization. */
    record Unregistered(String value) implements Serializable {
    }
}
