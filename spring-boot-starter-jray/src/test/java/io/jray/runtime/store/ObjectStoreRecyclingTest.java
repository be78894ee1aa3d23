package io.jray.runtime.store;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jray.runtime.core.ObjectId;

import static org.assertj.core.api.Assertions.assertThat;

/** Files of freed objects are reused for new ones, unless their value was read as a view. */
class ObjectStoreRecyclingTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path base;

    private static void put(ObjectStore store, ObjectId id, Object value) throws Exception {
        LargeFormat.Kind kind = LargeFormat.rawKind(value);
        long size = LargeFormat.HEADER + LargeFormat.rawSize(value);
        store.write(id, size, true, (channel, expected) -> {
            try (Arena arena = Arena.ofConfined()) {
                LargeFormat.writeRaw(channel.map(FileChannel.MapMode.READ_WRITE, 0, expected, arena), kind, value);
            }
        });
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(FolderLock.FILE)).sorted()
                    .toList();
        }
    }

    private static Object read(ObjectStore store, ObjectId id) throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            return LargeFormat.read(store.map(id, arena), null, "object " + id);
        }
    }

    @Test
    void aFreedArraysFileIsReusedForTheNextObjectOfItsSize() throws Exception {
        ObjectStore store = new ObjectStore(base.resolve("shm"), base.resolve("spill"), 64L * MIB, ids -> {
        });
        store.open();
        ObjectId first = new ObjectId("j1", "a");
        ObjectId second = new ObjectId("j1", "b");
        put(store, first, new byte[MIB]);

        store.delete(first);

        assertThat(files(store.folder())).containsExactly(".free-1");
        assertThat(store.usedBytes()).isZero();
        double[] values = {1.5, -2.25, 3};
        put(store, second, java.util.Arrays.copyOf(values, MIB / 8));
        assertThat(files(store.folder())).as("the kept file became the new object").containsExactly("j1-b");
        assertThat(Files.size(store.folder().resolve("j1-b"))).isEqualTo(LargeFormat.HEADER + MIB);
        assertThat((double[]) read(store, second)).startsWith(values).hasSize(MIB / 8);
        store.close();
    }

    @Test
    void keptFilesNoWriteTookAreDeletedOnceIdle() throws Exception {
        ObjectStore store = new ObjectStore(base.resolve("shm"), base.resolve("spill"), 64L * MIB, ids -> {
        });
        store.open();
        ObjectId id = new ObjectId("j1", "a");
        put(store, id, new long[MIB / 8]);
        store.delete(id);
        store.dropIdleRecycled(Duration.ofMinutes(1));
        assertThat(files(store.folder())).as("kept while not idle long").hasSize(1);

        store.dropIdleRecycled(Duration.ZERO);

        assertThat(files(store.folder())).isEmpty();
        store.close();
    }

    @Test
    void aFileReadAsAViewIsNeverReused() throws Exception {
        ObjectStore store = new ObjectStore(base.resolve("shm"), base.resolve("spill"), 64L * MIB, ids -> {
        });
        store.open();
        ObjectId view = new ObjectId("j1", "v");
        put(store, view, MemorySegment.ofArray(new byte[MIB]));

        store.delete(view);

        assertThat(files(store.folder())).isEmpty();
        store.close();
    }
}
