package io.jray.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Deletes the object folders that nodes on this host left behind when their process died (a killed
 * process cannot clean up). Folders are laid out as {@code <base>/<namespace>/<cluster>/<node>}; one
 * is deleted only when its owner is provably gone: no process holds its {@link FolderLock}. A folder
 * of this node's own cluster must also be missing from Redis's node set on {@value #SWEEPS_MISSING}
 * sweeps in a row, while Redis answers steadily. Folders of another namespace are never looked at.
 */
final class DeadFolderSweeper {

    /** On how many sweeps in a row a folder of this cluster must be unregistered before it goes. */
    static final int SWEEPS_MISSING = 2;

    private static final Log log = LogFactory.getLog(DeadFolderSweeper.class);

    /** Whether nodes of this node's cluster are registered in Redis, by id. */
    @FunctionalInterface
    interface Registrations {
        Set<String> registered(List<String> nodes) throws Exception;
    }

    private final List<Path> namespaceFolders;
    private final String cluster;
    private final Set<Path> own;
    private final Map<Path, Integer> missing = new HashMap<>();

    /**
     * @param namespaceFolders the {@code <base>/<namespace>} folders of the store and spill directories
     * @param cluster this node's cluster id
     * @param own this node's own folders, never swept
     */
    DeadFolderSweeper(List<Path> namespaceFolders, String cluster, Set<Path> own) {
        this.namespaceFolders = namespaceFolders.stream().map(DeadFolderSweeper::normal).toList();
        this.cluster = cluster;
        this.own = Set.copyOf(own.stream().map(DeadFolderSweeper::normal).toList());
    }

    /**
     * One sweep; returns the folders deleted.
     *
     * @param steady whether Redis has answered steadily long enough for live nodes to have beaten;
     *        when not, no folder of this cluster is counted as unregistered
     */
    synchronized List<Path> sweep(Registrations registrations, boolean steady) throws Exception {
        List<Path> deleted = new ArrayList<>();
        List<Path> unregisteredCandidates = new ArrayList<>();
        for (Path namespace : namespaceFolders) {
            for (Path clusterFolder : children(namespace)) {
                boolean ours = clusterFolder.getFileName().toString().equals(cluster);
                for (Path folder : children(clusterFolder)) {
                    if (own.contains(folder) || !FolderLock.ownerGone(folder)) {
                        missing.remove(folder);
                        continue;
                    }
                    if (ours) {
                        unregisteredCandidates.add(folder);
                    }
                    else {
                        delete(folder, "its process is gone (cluster " + clusterFolder.getFileName() + ")");
                        deleted.add(folder);
                    }
                }
                if (!ours) {
                    deleteIfEmpty(clusterFolder);
                }
            }
        }
        if (unregisteredCandidates.isEmpty()) {
            missing.clear();
            return deleted;
        }
        if (!steady) {
            return deleted;
        }
        List<String> nodes = unregisteredCandidates.stream().map(f -> f.getFileName().toString()).toList();
        Set<String> registered = registrations.registered(nodes);
        Map<Path, Integer> next = new HashMap<>();
        for (Path folder : unregisteredCandidates) {
            if (registered.contains(folder.getFileName().toString())) {
                continue;
            }
            int sweeps = missing.getOrDefault(folder, 0) + 1;
            if (sweeps >= SWEEPS_MISSING) {
                delete(folder, "its process is gone and Redis no longer lists the node");
                deleted.add(folder);
            }
            else {
                next.put(folder, sweeps);
            }
        }
        missing.clear();
        missing.putAll(next);
        return deleted;
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static void delete(Path folder, String why) {
        log.info("Deleting the object folder " + folder + " of node " + folder.getFileName() + ": " + why);
        ObjectFiles.deleteTree(folder);
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        }
        catch (IOException e) {
            // why: not empty (a live node of that cluster), or gone meanwhile
        }
    }

    private static List<Path> children(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isDirectory).toList();
        }
        catch (NoSuchFileException e) {
            return List.of();
        }
    }
}
