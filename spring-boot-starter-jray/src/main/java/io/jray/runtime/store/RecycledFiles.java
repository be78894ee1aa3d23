package io.jray.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Files of deleted objects kept for reuse, up to a capacity: a new object written into one lands
 * on memory pages the machine already backs, instead of pages the kernel must find and zero first
 * (on a virtual machine, pages returned to the host cost several times more on first touch). Only
 * files whose content no reader can still see are kept (never one handed out as a view), and only
 * while writes keep coming: files idle for a while are deleted, so an idle store returns to empty.
 * Used under the lock of its {@link ObjectStore}.
 */
final class RecycledFiles {

    private static final Log log = LogFactory.getLog(RecycledFiles.class);

    private final Path folder;
    private final long capacity;
    private final TreeMap<Long, Deque<Kept>> bySize = new TreeMap<>();
    private long bytes;
    private long sequence;

    private record Kept(Path file, long since) {
    }

    RecycledFiles(Path folder, long capacity) {
        this.folder = folder;
        this.capacity = capacity;
    }

    /** Keeps {@code file} of {@code size} bytes for reuse, or deletes it when there is no room. */
    void keepOrDelete(Path file, long size) throws IOException {
        if (bytes + size > capacity) {
            Files.deleteIfExists(file);
            return;
        }
        Path kept = folder.resolve(".free-" + (++sequence));
        Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
        bySize.computeIfAbsent(size, s -> new ArrayDeque<>()).add(new Kept(kept, System.currentTimeMillis()));
        bytes += size;
    }

    /**
     * Moves the smallest kept file of at least {@code size} bytes (and at most twice that) to
     * {@code target}; returns whether there was one.
     */
    boolean takeInto(Path target, long size) throws IOException {
        Map.Entry<Long, Deque<Kept>> entry = bySize.ceilingEntry(size);
        if (entry == null || entry.getKey() > 2 * size) {
            return false;
        }
        Path file = remove(entry);
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** Deletes the largest kept file to make room; returns whether there was one. */
    boolean dropLargest() {
        Map.Entry<Long, Deque<Kept>> entry = bySize.lastEntry();
        if (entry == null) {
            return false;
        }
        delete(remove(entry));
        return true;
    }

    /** Deletes the files kept since {@code epochMillis} or before. */
    void dropIdle(long epochMillis) {
        for (Map.Entry<Long, Deque<Kept>> entry : List.copyOf(bySize.entrySet())) {
            while (!entry.getValue().isEmpty() && entry.getValue().peek().since() <= epochMillis) {
                delete(remove(entry));
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            log.warn("Could not delete the recycled object file " + file + ": " + e);
        }
    }

    /** Bytes kept. */
    long bytes() {
        return bytes;
    }

    void clear() {
        bySize.clear();
        bytes = 0;
    }

    private Path remove(Map.Entry<Long, Deque<Kept>> entry) {
        Kept kept = entry.getValue().poll();
        if (entry.getValue().isEmpty()) {
            bySize.remove(entry.getKey());
        }
        bytes -= entry.getKey();
        return kept.file();
    }
}
