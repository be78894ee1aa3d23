package io.jray.runtime.serialization;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link BinaryWriter} and {@link BinaryReader}: jray's own wire format for specs, errors and refs. */
class BinaryFormatTest {

    @Test
    void readsBackEverythingWrittenInOrder() {
        byte[] blob = new byte[1000];
        Arrays.fill(blob, (byte) 0xAB);
        byte[] bytes = new BinaryWriter(1).writeByte(255).writeVarLong(0).writeVarLong(127).writeVarLong(128)
                .writeVarLong(Long.MAX_VALUE).writeVarLong(-1).writeDouble(-0.0).writeDouble(Double.NaN)
                .writeDouble(1e-300).writeString(null).writeString("").writeString("grüße ✓ 𝄞").writeBlob(blob)
                .writeBlob(new byte[0]).toByteArray();

        BinaryReader r = new BinaryReader(bytes);

        assertThat(r.readByte()).isEqualTo(255);
        assertThat(r.readVarLong()).isZero();
        assertThat(r.readVarLong()).isEqualTo(127);
        assertThat(r.readVarLong()).isEqualTo(128);
        assertThat(r.readVarLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(r.readVarLong()).isEqualTo(-1);
        assertThat(Double.doubleToRawLongBits(r.readDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(r.readDouble()).isNaN();
        assertThat(r.readDouble()).isEqualTo(1e-300);
        assertThat(r.readString()).isNull();
        assertThat(r.readString()).isEmpty();
        assertThat(r.readString()).isEqualTo("grüße ✓ 𝄞");
        assertThat(r.readBlob()).isEqualTo(blob);
        assertThat(r.readBlob()).isEmpty();
        assertThat(r.hasMore()).isFalse();
    }

    @Test
    void readingPastTheEndNamesTheMissingBytesAndThePosition() {
        byte[] bytes = new BinaryWriter(8).writeVarLong(10).writeByte(1).writeByte(2).toByteArray();

        assertThatIllegalArgumentException().isThrownBy(() -> new BinaryReader(bytes).readBlob())
                .withMessage("truncated input: need 10 bytes at byte 1 of 3");
    }

    @Test
    void aVarintThatNeverEndsIsMalformed() {
        byte[] bytes = new byte[11];
        Arrays.fill(bytes, (byte) 0x80);

        assertThatIllegalArgumentException().isThrownBy(() -> new BinaryReader(bytes).readVarLong())
                .withMessageContaining("malformed varint");
    }

    @Test
    void aLengthAboveIntegerRangeIsRefused() {
        byte[] bytes = new BinaryWriter(16).writeVarLong(Integer.MAX_VALUE + 1L).toByteArray();

        assertThatIllegalArgumentException().isThrownBy(() -> new BinaryReader(bytes).readString())
                .withMessageContaining("length out of range")
                .withMessageContaining(Long.toString(Integer.MAX_VALUE + 1L));
    }
}
