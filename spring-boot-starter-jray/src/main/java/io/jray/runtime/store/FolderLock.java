package io.jray.runtime.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock a node holds on each of its object folders for as long as its process lives. The
 * operating system releases it when the process ends, however it ends (SIGKILL included), so a
 * folder whose lock can be taken has an owner that is provably gone, whatever cluster, namespace or
 * Redis it belonged to; a folder of a live process, paused or not, is never taken for dead.
 */
final class FolderLock {

    static final String FILE = ".owner";

    /**
     * The folders locked by this JVM. Checked before any lock file is opened: closing a channel on a
     * file releases every lock this process holds on it, the owner's included.
     */
    private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder if needed and locks it for this process.
     *
     * @throws IOException when it cannot be created, or another live process holds it
     */
    static FolderLock acquire(Path folder) throws IOException {
        Path key = key(folder);
        Files.createDirectories(folder);
        if (!OWNED.add(key)) {
            throw new IOException("the object folder " + folder + " is already in use by another node of this JVM");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("the object folder " + folder + " is in use by another process");
            }
            return new FolderLock(key, channel, lock);
        }
        catch (IOException | RuntimeException e) {
            OWNED.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /**
     * Whether the process that owned a folder is gone: the folder has a lock file and no process holds
     * its lock. A folder of this JVM, or one without a lock file (still being created), is not.
     */
    static boolean ownerGone(Path folder) throws IOException {
        if (OWNED.contains(key(folder))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        }
        catch (NoSuchFileException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Releases the lock (the folder may already be deleted). */
    void release() {
        try {
            lock.release();
            channel.close();
        }
        catch (IOException e) {
            // why: closing the channel releases the lock in any case
        }
        finally {
            OWNED.remove(folder);
        }
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
