package io.jray.runtime.store;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Decodes a primitive array while its object file streams in from another node: each chunk is
 * copied into the new array while it is still in the cache, so the reader needs no second pass
 * over the stored copy. Other kinds (and big-endian machines, where the stored little-endian
 * layout is not the array's) are left to the usual read of the stored copy: {@link #value()} is
 * then {@code null}.
 */
final class StreamingDecoder implements Consumer<ByteBuffer> {

    private final ByteBuffer header = ByteBuffer.allocate((int) LargeFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
    private Object array;
    private MemorySegment target;
    private long filled;
    private boolean declined;

    @Override
    public void accept(ByteBuffer chunk) {
        if (declined) {
            return;
        }
        if (target == null) {
            while (header.hasRemaining() && chunk.hasRemaining()) {
                header.put(chunk.get());
            }
            if (header.hasRemaining()) {
                return;
            }
            if (!start()) {
                declined = true;
                return;
            }
        }
        int n = (int) Math.min(chunk.remaining(), target.byteSize() - filled);
        MemorySegment.copy(MemorySegment.ofBuffer(chunk), 0, target, filled, n);
        filled += n;
    }

    /** Reads the header; allocates the array when the body is one this decoder handles. */
    private boolean start() {
        header.flip();
        int kindCode = header.get(4);
        long size = header.getLong(8);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN || header.getInt(0) != LargeFormat.MAGIC
                || kindCode < 0 || kindCode >= LargeFormat.Kind.values().length || size < 0
                || size > Integer.MAX_VALUE - 8) {
            return false;
        }
        LargeFormat.Kind kind = LargeFormat.Kind.values()[kindCode];
        int length = (int) size;
        array = switch (kind) {
            case BYTES -> new byte[length];
            case DOUBLES -> length % 8 == 0 ? new double[length / 8] : null;
            case LONGS -> length % 8 == 0 ? new long[length / 8] : null;
            case INTS -> length % 4 == 0 ? new int[length / 4] : null;
            case FLOATS -> length % 4 == 0 ? new float[length / 4] : null;
            default -> null;
        };
        if (array == null) {
            return false;
        }
        target = switch (array) {
            case byte[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            default -> throw new IllegalStateException("not a primitive array: " + array.getClass());
        };
        return true;
    }

    /** The decoded array once every byte arrived, else {@code null}. */
    Object value() {
        return target != null && filled == target.byteSize() ? array : null;
    }
}
