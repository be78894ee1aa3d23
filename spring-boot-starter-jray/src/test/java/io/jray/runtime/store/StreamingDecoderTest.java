package io.jray.runtime.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingDecoderTest {

    private static ByteBuffer file(Object value) {
        LargeFormat.Kind kind = LargeFormat.rawKind(value);
        MemorySegment file = Arena.ofAuto().allocate(LargeFormat.HEADER + LargeFormat.rawSize(value));
        LargeFormat.writeRaw(file, kind, value);
        return file.asByteBuffer();
    }

    /** Feeds {@code file} in chunks of the given sizes, cycling, as a transfer would. */
    private static Object stream(ByteBuffer file, int... chunks) {
        StreamingDecoder decoder = new StreamingDecoder();
        for (int i = 0; file.hasRemaining(); i++) {
            int n = Math.min(chunks[i % chunks.length], file.remaining());
            decoder.accept(file.slice(file.position(), n));
            file.position(file.position() + n);
            if (file.hasRemaining()) {
                assertThat(decoder.value()).as("a value before the last byte").isNull();
            }
        }
        return decoder.value();
    }

    @Test
    void primitiveArraysAreDecodedFromChunksOfAnySize() {
        double[] doubles = new double[10_000];
        long[] longs = new long[333];
        byte[] bytes = new byte[70_001];
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = i * 0.25 - 7;
        }
        for (int i = 0; i < longs.length; i++) {
            longs[i] = (long) i << 40 | i;
        }
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }

        assertThat((double[]) stream(file(doubles), 7, 1, 1000, 13)).containsExactly(doubles);
        assertThat((long[]) stream(file(longs), 3, 4096)).containsExactly(longs);
        assertThat((byte[]) stream(file(bytes), 16, 65536)).containsExactly(bytes);
        assertThat((float[]) stream(file(new float[] {1.5f, -2f}), 5)).containsExactly(1.5f, -2f);
    }

    @Test
    void otherKindsAndBadHeadersAreLeftToTheStoredCopy() {
        assertThat(stream(file(MemorySegment.ofArray(new byte[100])), 64)).isNull();
        ByteBuffer corrupt = file(new byte[100]);
        corrupt.put(0, (byte) 0);
        assertThat(stream(corrupt, 64)).isNull();
    }
}
