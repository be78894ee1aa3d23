package io.jray.runtime.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.jray.api.SerializationException;
import io.jray.runtime.serialization.ValueCodec;

/**
 * The layout of a large value in a store file: a 16-byte header (magic {@code JRO1}, the kind,
 * the body's length) and the body. Primitive arrays, {@link ByteBuffer}s and {@link MemorySegment}s
 * are written raw (little-endian), so reading them takes one copy into a new array, or none for the
 * view types; any other value is Fory's encoding, decoded straight from the mapped memory.
 */
final class LargeFormat {

    static final long HEADER = 16;
    static final int MAGIC = 0x314F524A;

    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** What the body holds. */
    enum Kind {
        FORY, BYTES, DOUBLES, LONGS, INTS, FLOATS, BYTE_BUFFER, MEMORY_SEGMENT;

        /** Whether a read hands out a view of the mapped file rather than a copy. */
        boolean isView() {
            return this == BYTE_BUFFER || this == MEMORY_SEGMENT;
        }
    }

    private LargeFormat() {
    }

    /** The raw kind of a value, or {@code null} when it is encoded with Fory. */
    static Kind rawKind(Object value) {
        return switch (value) {
            case byte[] ignored -> Kind.BYTES;
            case double[] ignored -> Kind.DOUBLES;
            case long[] ignored -> Kind.LONGS;
            case int[] ignored -> Kind.INTS;
            case float[] ignored -> Kind.FLOATS;
            case ByteBuffer ignored -> Kind.BYTE_BUFFER;
            case MemorySegment ignored -> Kind.MEMORY_SEGMENT;
            case null, default -> null;
        };
    }

    /** The body size of a raw value. */
    static long rawSize(Object value) {
        return switch (value) {
            case byte[] a -> a.length;
            case double[] a -> a.length * 8L;
            case long[] a -> a.length * 8L;
            case int[] a -> a.length * 4L;
            case float[] a -> a.length * 4L;
            case ByteBuffer b -> b.remaining();
            case MemorySegment s -> s.byteSize();
            default -> throw new IllegalArgumentException("not a raw value: " + value.getClass().getName());
        };
    }

    /** Writes the header and a raw value into {@code file}, which is {@link #HEADER} + body bytes long. */
    static void writeRaw(MemorySegment file, Kind kind, Object value) {
        long size = rawSize(value);
        writeHeader(file, kind, size);
        MemorySegment body = file.asSlice(HEADER, size);
        switch (value) {
            case byte[] a -> MemorySegment.copy(a, 0, body, ValueLayout.JAVA_BYTE, 0, a.length);
            case double[] a -> MemorySegment.copy(a, 0, body, DOUBLE, 0, a.length);
            case long[] a -> MemorySegment.copy(a, 0, body, LONG, 0, a.length);
            case int[] a -> MemorySegment.copy(a, 0, body, INT, 0, a.length);
            case float[] a -> MemorySegment.copy(a, 0, body, FLOAT, 0, a.length);
            case ByteBuffer b -> body.copyFrom(MemorySegment.ofBuffer(b));
            case MemorySegment s -> body.copyFrom(s);
            default -> throw new IllegalArgumentException("not a raw value: " + value.getClass().getName());
        }
    }

    /** Writes the header and Fory's encoding of a value. */
    static void writeEncoded(MemorySegment file, byte[] encoded) {
        writeHeader(file, Kind.FORY, encoded.length);
        MemorySegment.copy(encoded, 0, file, ValueLayout.JAVA_BYTE, HEADER, encoded.length);
    }

    private static void writeHeader(MemorySegment file, Kind kind, long size) {
        file.set(INT, 0, MAGIC);
        file.set(ValueLayout.JAVA_BYTE, 4, (byte) kind.ordinal());
        file.set(LONG, 8, size);
    }

    /** Whether an object file holds a value read as a view, or cannot tell (a reader may still see it). */
    static boolean holdsView(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate((int) HEADER);
            channel.read(header, 0);
            int kind = header.position() > 4 ? header.get(4) : -1;
            return kind < 0 || kind >= Kind.values().length || Kind.values()[kind].isView();
        }
        catch (NoSuchFileException e) {
            return true;
        }
    }

    /** The kind of a mapped file, checking its header. */
    static Kind kind(MemorySegment file, String what) {
        if (file.byteSize() < HEADER || file.get(INT, 0) != MAGIC) {
            throw new SerializationException(what + " is not a jray object file (bad header)", null);
        }
        int kind = file.get(ValueLayout.JAVA_BYTE, 4);
        long size = file.get(LONG, 8);
        if (kind < 0 || kind >= Kind.values().length || size != file.byteSize() - HEADER) {
            throw new SerializationException(what + " is corrupt: kind " + kind + ", body of " + size + " bytes in a file of "
                    + file.byteSize(), null);
        }
        return Kind.values()[kind];
    }

    /**
     * Reads a value from a mapped file. View kinds return read-only views of {@code file}, valid
     * while its arena is; the others return values that do not refer to it.
     */
    static Object read(MemorySegment file, ValueCodec codec, String what) {
        Kind kind = kind(file, what);
        MemorySegment body = file.asSlice(HEADER);
        long size = body.byteSize();
        return switch (kind) {
            case FORY -> codec.decode(body);
            case BYTES -> body.toArray(ValueLayout.JAVA_BYTE);
            case DOUBLES -> copy(body, DOUBLE, new double[count(size, 8, what)]);
            case LONGS -> copy(body, LONG, new long[count(size, 8, what)]);
            case INTS -> copy(body, INT, new int[count(size, 4, what)]);
            case FLOATS -> copy(body, FLOAT, new float[count(size, 4, what)]);
            case BYTE_BUFFER -> body.asByteBuffer().asReadOnlyBuffer().order(ByteOrder.BIG_ENDIAN);
            case MEMORY_SEGMENT -> body.asReadOnly();
        };
    }

    private static <A> A copy(MemorySegment body, ValueLayout layout, A array) {
        MemorySegment.copy(body, layout, 0, array, 0, java.lang.reflect.Array.getLength(array));
        return array;
    }

    private static int count(long size, int width, String what) {
        if (size % width != 0 || size / width > Integer.MAX_VALUE - 8) {
            throw new SerializationException(what + " holds " + size + " bytes, not an array of " + width
                    + "-byte elements that fits in Java", null);
        }
        return (int) (size / width);
    }
}
