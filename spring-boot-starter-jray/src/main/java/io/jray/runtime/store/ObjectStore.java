package io.jray.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.JRayException;
import io.jray.api.ObjectTooLargeException;
import io.jray.runtime.core.ObjectId;

/**
 * The large objects of one node: one file per object in the node's folder of the shared-memory
 * directory, written once and then only read (mapped). It holds at most {@code limit} bytes there:
 * to make room, secondary copies are deleted first (least recently used first), then primary
 * copies are moved to the spill directory, from where a local read moves them back.
 */
public final class ObjectStore implements AutoCloseable {

    private static final Log log = LogFactory.getLog(ObjectStore.class);
    /** Files of deleted objects kept for reuse take at most this fraction (1/n) of the limit. */
    private static final int RECYCLED_SHARE = 4;

    private final Path folder;
    private final Path spillFolder;
    private final long limit;
    private final Consumer<List<ObjectId>> onEvicted;
    /** In access order: the first entries are the least recently used. */
    private final LinkedHashMap<ObjectId, StoredObject> objects = new LinkedHashMap<>(64, 0.75f, true);
    private final RecycledFiles recycled;
    private final List<FolderLock> locks = new ArrayList<>(2);
    private long used;
    private long spilled;

    /** @param onEvicted told of the secondary copies deleted to make room (to update Redis) */
    public ObjectStore(Path folder, Path spillFolder, long limit, Consumer<List<ObjectId>> onEvicted) {
        this.folder = folder;
        this.spillFolder = spillFolder;
        this.limit = limit;
        this.onEvicted = onEvicted;
        this.recycled = new RecycledFiles(folder, limit / RECYCLED_SHARE);
    }

    /**
     * Creates the store's folders and locks them for this process (see {@link FolderLock}); called
     * once the node is registered, so that no folder exists of a node its cluster does not know.
     */
    public synchronized void open() {
        if (!locks.isEmpty()) {
            return;
        }
        try {
            locks.add(FolderLock.acquire(folder));
            locks.add(FolderLock.acquire(spillFolder));
        }
        catch (IOException e) {
            locks.forEach(FolderLock::release);
            locks.clear();
            throw new UncheckedIOException("cannot create the object store folders " + folder + " and " + spillFolder
                    + " (jray.object.directory, jray.object.spill-directory): " + e.getMessage(), e);
        }
    }



    /** Writes how an object file is filled: the channel is open for writing, {@code size} bytes are due. */
    @FunctionalInterface
    public interface Filler {
        void fill(FileChannel channel, long size) throws IOException;
    }

    /**
     * Stores an object file of {@code size} bytes (header included), replacing any copy of it.
     *
     * @throws ObjectTooLargeException when it is larger than the whole store
     */
    public void write(ObjectId id, long size, boolean primary, Filler filler) throws IOException {
        if (size > limit) {
            throw new ObjectTooLargeException("object " + id + " of " + size + " bytes does not fit in the object "
                    + "store, which holds at most " + limit + " bytes (jray.object.store-limit)");
        }
        Path part = folder.resolve(ObjectFiles.fileName(id) + ".part");
        prepare(part, size);
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                if (channel.size() > size) {
                    channel.truncate(size);
                }
                filler.fill(channel, size);
            }
            Files.move(part, folder.resolve(ObjectFiles.fileName(id)), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            done = true;
        }
        finally {
            synchronized (this) {
                if (done) {
                    StoredObject old = objects.put(id, new StoredObject(id, size, primary, false, System.currentTimeMillis()));
                    if (old != null) {
                        // why: the new file replaced the old one in shared memory; a spilled old copy is apart
                        forget(old, old.spilled());
                    }
                }
                else {
                    used -= size;
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    /** Maps an object this node holds, read-only, moving it back from the spill directory if needed; null when absent. */
    public MemorySegment map(ObjectId id, Arena arena) throws IOException {
        synchronized (this) {
            StoredObject object = objects.get(id);
            if (object == null) {
                return null;
            }
            if (object.spilled()) {
                reserve(object.size());
                Files.move(spillFolder.resolve(ObjectFiles.fileName(id)), folder.resolve(ObjectFiles.fileName(id)),
                        StandardCopyOption.REPLACE_EXISTING);
                spilled -= object.size();
                objects.put(id, object.spilled(false));
            }
            return ObjectFiles.mapReadOnly(folder.resolve(ObjectFiles.fileName(id)), arena);
        }
    }

    /** Opens an object this node holds for reading, wherever it lies; null when absent. */
    public synchronized FileChannel open(ObjectId id) throws IOException {
        StoredObject object = objects.get(id);
        if (object == null) {
            return null;
        }
        return FileChannel.open((object.spilled() ? spillFolder : folder).resolve(ObjectFiles.fileName(id)), StandardOpenOption.READ);
    }

    /** Whether this node holds a copy. */
    public synchronized boolean contains(ObjectId id) {
        return objects.containsKey(id);
    }


    /** The objects written before {@code epochMillis}. */
    public synchronized List<ObjectId> storedBefore(long epochMillis) {
        return objects.values().stream().filter(o -> o.storedAt() < epochMillis).map(StoredObject::id).toList();
    }

    /**
     * Deletes this node's copy of a freed object, wherever it lies. Its file is kept for reuse when
     * it lies in shared memory and was never read as a view (no reader of a freed object is left).
     */
    public synchronized void delete(ObjectId id) {
        StoredObject object = objects.remove(id);
        if (object == null) {
            return;
        }
        Path file = folder.resolve(ObjectFiles.fileName(id));
        try {
            if (!object.spilled() && !LargeFormat.holdsView(file)) {
                recycled.keepOrDelete(file, object.size());
                used -= object.size();
                return;
            }
        }
        catch (IOException e) {
            log.debug("Could not keep the file of object " + id + " for reuse: " + e);
        }
        forget(object, true);
    }

    /** Deletes the files of freed objects kept for reuse that no write took within {@code idle}. */
    public synchronized void dropIdleRecycled(Duration idle) {
        recycled.dropIdle(System.currentTimeMillis() - idle.toMillis());
    }

    /** Deletes the objects of jobs that are no longer active. */
    public synchronized void retainJobs(Set<String> activeJobs) {
        for (Iterator<StoredObject> it = objects.values().iterator(); it.hasNext();) {
            StoredObject object = it.next();
            if (!activeJobs.contains(object.id().job())) {
                it.remove();
                forget(object, true);
            }
        }
    }

    /**
     * The {@code n} largest objects here, largest first, as {@code job/id:size:where} with where
     * {@code m} (shared memory) or {@code d} (spilled to disk), space separated.
     */
    public synchronized String largest(int n) {
        return objects.values().stream().sorted(Comparator.comparingLong(StoredObject::size).reversed()).limit(n)
                .map(o -> o.id() + ":" + o.size() + ":" + (o.spilled() ? "d" : "m"))
                .collect(Collectors.joining(" "));
    }

    public synchronized long usedBytes() {
        return used;
    }

    public synchronized long spilledBytes() {
        return spilled;
    }

    public synchronized int objectCount() {
        return objects.size();
    }

    public long limit() {
        return limit;
    }

    public Path folder() {
        return folder;
    }

    public Path spillFolder() {
        return spillFolder;
    }

    /** Deletes every file of this store and its folders. */
    @Override
    public synchronized void close() {
        objects.clear();
        recycled.clear();
        used = 0;
        spilled = 0;
        ObjectFiles.deleteTree(folder);
        ObjectFiles.deleteTree(spillFolder);
        locks.forEach(FolderLock::release);
        locks.clear();
    }


    /** Counts {@code size} bytes as used, making room first, and puts a recycled file in place of {@code part}. */
    private synchronized void prepare(Path part, long size) throws IOException {
        recycled.takeInto(part, size);
        reserve(size);
    }

    /** Counts {@code size} more bytes as used, making room first (recycled files go first). */
    private synchronized void reserve(long size) throws IOException {
        List<ObjectId> evicted = new ArrayList<>();
        try {
            while (used + recycled.bytes() + size > limit) {
                if (recycled.dropLargest()) {
                    continue;
                }
                StoredObject victim = victim();
                if (victim == null) {
                    throw new JRayException("the object store in " + folder + " is full: " + used + " of " + limit
                            + " bytes are objects being written or read, " + size + " more are needed");
                }
                if (victim.primary()) {
                    Files.move(folder.resolve(ObjectFiles.fileName(victim.id())), spillFolder.resolve(ObjectFiles.fileName(victim.id())),
                            StandardCopyOption.REPLACE_EXISTING);
                    objects.put(victim.id(), victim.spilled(true));
                    spilled += victim.size();
                    log.debug("Spilled " + victim.id() + " (" + victim.size() + " bytes) to " + spillFolder);
                }
                else {
                    objects.remove(victim.id());
                    Files.deleteIfExists(folder.resolve(ObjectFiles.fileName(victim.id())));
                    evicted.add(victim.id());
                }
                used -= victim.size();
            }
            used += size;
        }
        finally {
            if (!evicted.isEmpty()) {
                onEvicted.accept(evicted);
            }
        }
    }

    /** The least recently used secondary copy in shared memory, else the least recently used primary. */
    private StoredObject victim() {
        StoredObject primary = null;
        for (StoredObject object : objects.values()) {
            if (object.spilled()) {
                continue;
            }
            if (!object.primary()) {
                return object;
            }
            if (primary == null) {
                primary = object;
            }
        }
        return primary;
    }

    private void forget(StoredObject object, boolean deleteFile) {
        if (object.spilled()) {
            spilled -= object.size();
        }
        else {
            used -= object.size();
        }
        if (deleteFile) {
            try {
                Files.deleteIfExists((object.spilled() ? spillFolder : folder).resolve(ObjectFiles.fileName(object.id())));
            }
            catch (IOException e) {
                log.warn("Could not delete the file of object " + object.id() + ": " + e);
            }
        }
    }
}
