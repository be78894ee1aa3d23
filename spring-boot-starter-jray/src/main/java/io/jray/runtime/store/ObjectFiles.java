package io.jray.runtime.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.runtime.core.ObjectId;

/** Where object files lie and how they are named, mapped and deleted, on any node of a host. */
public final class ObjectFiles {

    private static final Log log = LogFactory.getLog(ObjectFiles.class);
    private static final Pattern SAFE = Pattern.compile("[a-z0-9.]+");

    private ObjectFiles() {
    }

    /**
     * The folder of a node's store under a base directory: {@code <base>/<namespace>/<cluster>/<node>},
     * so that namespace, cluster and node are parsed exactly (see {@link DeadFolderSweeper}).
     */
    public static Path nodeFolder(Path base, String namespace, String cluster, String node) {
        return base.resolve(namespace).resolve(cluster).resolve(node);
    }

    /** The file name of an object in any node's folder. */
    public static String fileName(ObjectId id) {
        if (!SAFE.matcher(id.job()).matches() || !SAFE.matcher(id.id()).matches()) {
            throw new IllegalArgumentException("object id " + id + " has characters not allowed in a file name");
        }
        return id.job() + "-" + id.id();
    }

    /** Maps another node's object file read-only; null when it is not there. */
    public static MemorySegment mapReadOnly(Path file, Arena arena) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        }
        catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Deletes a folder and what it holds, if it exists (a dead node's folder, say). */
    public static void deleteTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            log.warn("Could not delete " + folder + ": " + e);
        }
    }
}
