package io.jray.runtime.serialization;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link BinaryWriter} wrote; malformed input fails with {@link IllegalArgumentException}. */
public final class BinaryReader {

    private final byte[] buf;
    private int pos;

    public BinaryReader(byte[] buf) {
        this.buf = buf;
    }

    public int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint at byte " + pos);
    }

    public int readVarInt() {
        long v = readVarLong();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("length out of range at byte " + pos + ": " + v);
        }
        return (int) v;
    }

    /**
     * Reads a count of items that each take at least {@code minBytesEach} bytes, refusing counts
     * the remaining input cannot hold (so malformed input never makes a reader allocate for it).
     */
    public int readCount(int minBytesEach) {
        int count = readVarInt();
        if ((long) count * minBytesEach > buf.length - pos) {
            throw new IllegalArgumentException("count " + count + " at byte " + pos + " exceeds the " + (buf.length - pos)
                    + " bytes left");
        }
        return count;
    }

    public double readDouble() {
        need(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (long) (buf[pos++] & 0xFF) << (i * 8);
        }
        return Double.longBitsToDouble(bits);
    }

    public byte[] readBlob() {
        int len = readVarInt();
        need(len);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        return out;
    }

    public String readString() {
        int len = readVarInt();
        if (len == 0) {
            return null;
        }
        need(len - 1);
        String s = new String(buf, pos, len - 1, StandardCharsets.UTF_8);
        pos += len - 1;
        return s;
    }

    public boolean hasMore() {
        return pos < buf.length;
    }

    private void need(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new IllegalArgumentException("truncated input: need " + n + " bytes at byte " + pos + " of " + buf.length);
        }
    }
}
