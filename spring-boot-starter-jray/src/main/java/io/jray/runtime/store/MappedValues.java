package io.jray.runtime.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import io.jray.runtime.serialization.ValueCodec;

/**
 * Decodes large values from mapped object files: a value that is copied out is decoded and the
 * file unmapped at once; a view type (one that reads the file in place) is mapped again, in an
 * arena that lives as long as the value does.
 */
final class MappedValues {

    /** Maps a file in an arena; {@code null} when the file is not there. */
    @FunctionalInterface
    interface Mapper {
        MemorySegment map(Arena arena) throws IOException;
    }

    private final ValueCodec codec;

    MappedValues(ValueCodec codec) {
        this.codec = codec;
    }

    /** The value of a file, or {@code null} when it is not there. */
    Object read(Mapper mapper, String what) throws IOException {
        // why: a confined arena unmaps at once on close; closing a shared one stops every thread briefly
        Arena arena = Arena.ofConfined();
        MemorySegment file;
        try {
            file = mapper.map(arena);
        }
        catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
        if (file == null) {
            arena.close();
            return null;
        }
        try {
            if (!LargeFormat.kind(file, what).isView()) {
                return LargeFormat.read(file, codec, what);
            }
        }
        finally {
            arena.close();
        }
        MemorySegment view = mapper.map(Arena.ofAuto());
        return view == null ? null : LargeFormat.read(view, codec, what);
    }
}
