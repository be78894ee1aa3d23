package io.jray.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.jray.api.SerializationException;
import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.ObjectState;
import io.jray.runtime.core.ObjectId;
import io.jray.runtime.serialization.ValueCodec;

/**
 * Decides how a value travels and reads large ones back. A value up to the inline threshold is
 * encoded into Redis; a larger one (and any {@code ByteBuffer} or {@code MemorySegment}) is written
 * once into this node's {@link ObjectStore}, and Redis only learns its size and where it is. A read
 * takes the first copy it can reach: this node's own, a file of a node on the same host (mapped,
 * not copied), or a pull from the endpoint of a node on another host, kept as a local copy.
 */
public final class LargeObjects implements AutoCloseable {

    private static final Log log = LogFactory.getLog(LargeObjects.class);

    private final ObjectStore store;
    private final ObjectServer server;
    private final ObjectPuller puller;
    private final PeerDirectory peers;
    private final ControlPlane control;
    private final ValueCodec codec;
    private final MappedValues mapped;
    private final String node;
    private final String hostId;
    private final long inlineThreshold;
    private final String endpoint;
    private final DeadFolderSweeper sweeper;

    /** How a value travels: inline in Redis, or stored in this node's object store. */
    public sealed interface Placement {

        /** @param bytes the encoded value */
        record Inline(byte[] bytes) implements Placement {
        }

        /** @param size the size of its object file */
        record Stored(long size) implements Placement {
        }
    }

    /** Every copy of a large object is gone: the nodes that held one died or dropped it. */
    public static final class CopiesLostException extends Exception {

        CopiesLostException(String message) {
            super(message);
        }
    }

    /**
     * @param cluster the id of the cluster (from its Redis), part of the object folders' paths
     */
    public LargeObjects(StoreSettings settings, String namespace, String cluster, String node, String hostId,
            ControlPlane control, ValueCodec codec, String token) {
        this.control = control;
        this.codec = codec;
        this.mapped = new MappedValues(codec);
        this.node = node;
        this.hostId = hostId;
        this.inlineThreshold = settings.inlineThreshold();
        String folderName = folderName(namespace, "jray.namespace");
        this.store = new ObjectStore(ObjectFiles.nodeFolder(settings.directory(), folderName, cluster, node),
                ObjectFiles.nodeFolder(settings.spillDirectory(), folderName, cluster, node), settings.limit(),
                this::evicted);
        this.sweeper = new DeadFolderSweeper(List.of(settings.directory().resolve(folderName),
                settings.spillDirectory().resolve(folderName)), cluster, Set.of(store.folder(), store.spillFolder()));
        try {
            this.server = new ObjectServer(store, settings.bindAddress(), settings.port(), token);
        }
        catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot serve objects on " + settings.bindAddress() + ":" + settings.port()
                    + " (jray.object.bind-address, jray.object.port)", e);
        }
        String host = settings.advertisedHost() != null ? settings.advertisedHost() : advertised(settings.bindAddress());
        this.endpoint = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        this.puller = new ObjectPuller(store, token);
        this.peers = new PeerDirectory(control);
    }

    /** How others reach an endpoint bound to {@code bind}: a wildcard address is no address, the host name is. */
    private static String advertised(String bind) {
        try {
            return InetAddress.getByName(bind).isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : bind;
        }
        catch (UnknownHostException e) {
            return bind;
        }
    }

    /** The fields this node adds to its registration, so others find its objects. */
    public Map<String, String> registration() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(PeerDirectory.FOLDER, store.folder().toString());
        fields.put(PeerDirectory.SPILL_FOLDER, store.spillFolder().toString());
        fields.put(PeerDirectory.ENDPOINT, endpoint);
        return fields;
    }

    /**
     * Places a value: inline, or stored here under the id {@code id} supplies (only then asked for).
     *
     * @param what names the value in errors, such as "the result of Tutorial#slow"
     * @throws SerializationException naming {@code what} and the type when it cannot be encoded
     * @throws io.jray.api.ObjectTooLargeException when it is larger than the whole store
     */
    public Placement place(Supplier<ObjectId> id, Object value, String what) {
        LargeFormat.Kind raw = LargeFormat.rawKind(value);
        try {
            if (raw != null && (raw.isView() || LargeFormat.rawSize(value) > inlineThreshold)) {
                long size = LargeFormat.HEADER + LargeFormat.rawSize(value);
                store.write(id.get(), size, true, (channel, n) -> fill(channel, n, file -> LargeFormat.writeRaw(file, raw,
                        value)));
                return new Placement.Stored(size);
            }
            byte[] bytes = encode(value, what);
            if (bytes.length <= inlineThreshold) {
                return new Placement.Inline(bytes);
            }
            long size = LargeFormat.HEADER + bytes.length;
            store.write(id.get(), size, true, (channel, n) -> fill(channel, n, file -> LargeFormat.writeEncoded(file,
                    bytes)));
            return new Placement.Stored(size);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot store " + what + " in " + store.folder(), e);
        }
    }

    /** Encodes a value inline, whatever its size (errors, specs). */
    public byte[] encode(Object value, String what) {
        try {
            return codec.encode(value);
        }
        catch (SerializationException e) {
            throw new SerializationException(what + " (a " + (value == null ? "null" : value.getClass().getName())
                    + ") cannot be serialized: " + e.getMessage(), e.getCause());
        }
    }

    /** Reads a large value from the first copy this node can reach. */
    public Object read(ObjectId id, ObjectState.Large large) throws CopiesLostException {
        String what = "object " + id;
        try {
            Object local = readLocal(id, what);
            if (local != null) {
                return local;
            }
            List<String> remote = new ArrayList<>();
            for (String holder : large.locations()) {
                PeerDirectory.Peer peer = holder.equals(node) ? null : peers.peer(holder);
                if (peer == null) {
                    continue;
                }
                if (peer.hostId().equals(hostId)) {
                    Object value = readFile(peer.folder().resolve(ObjectFiles.fileName(id)), what);
                    if (value == null) {
                        value = readFile(peer.spillFolder().resolve(ObjectFiles.fileName(id)), what);
                    }
                    if (value != null) {
                        return value;
                    }
                }
                remote.add(peer.endpoint());
            }
            for (String from : remote) {
                try {
                    StreamingDecoder decoder = new StreamingDecoder();
                    puller.pull(from, id, decoder);
                    control.objects().locations(id.job(), node, true, List.of(id.id())).exceptionally(e -> {
                        log.debug("Could not record the copy of " + id + " on node " + node + ": " + e);
                        return null;
                    });
                    Object value = decoder.value() != null ? decoder.value() : readLocal(id, what);
                    if (value != null) {
                        return value;
                    }
                }
                catch (IOException e) {
                    log.debug("Could not pull " + id + " from " + from + ": " + e);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.jray.api.JRayException("interrupted while reading " + what, e);
        }
        catch (CopiesLostException | RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new io.jray.api.JRayUnavailableException("cannot look up the holders of " + what + ": " + e, e);
        }
        throw new CopiesLostException("no live node holds a copy of " + what + " (held by " + large.locations() + ")");
    }

    private Object readLocal(ObjectId id, String what) throws IOException {
        return mapped.read(arena -> store.map(id, arena), what);
    }

    private Object readFile(Path path, String what) throws IOException {
        return mapped.read(arena -> ObjectFiles.mapReadOnly(path, arena), what);
    }

    private static void fill(FileChannel channel, long size, java.util.function.Consumer<MemorySegment> writer)
            throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            writer.accept(channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena));
        }
    }

    /** Deletes the objects of jobs that ended. */
    public void retainJobs(Set<String> activeJobs) {
        store.retainJobs(activeJobs);
    }

    /** Deletes this node's copies of freed objects, named as {@code job/id,id...} (an inbox message). */
    public void deleteFreed(String freed) {
        int slash = freed.indexOf('/');
        try {
            for (String id : freed.substring(slash + 1).split(",")) {
                ObjectId object = new ObjectId(freed.substring(0, slash), id);
                // why: an id not fit for a file name is malformed even when this node holds no such object
                ObjectFiles.fileName(object);
                store.delete(object);
            }
        }
        catch (RuntimeException e) {
            log.warn("Ignoring a malformed message about freed objects: '" + freed + "' (" + e.getMessage() + ")");
        }
    }

    /**
     * Deletes the copies this node keeps of objects it is no longer listed as a holder of: freed
     * objects, and copies of attempts that did not count. Copies younger than {@code grace} are
     * left alone, since they may not be registered yet.
     */
    public void sweepFreed(Duration grace) throws Exception {
        List<ObjectId> candidates = store.storedBefore(System.currentTimeMillis() - grace.toMillis());
        if (candidates.isEmpty()) {
            return;
        }
        List<Boolean> listed = control.objects().holds(node, candidates);
        for (int i = 0; i < candidates.size(); i++) {
            if (!listed.get(i)) {
                log.debug("Deleting the copy of " + candidates.get(i) + ": it is freed, or no node reads it here");
                store.delete(candidates.get(i));
            }
        }
    }

    /** Creates this node's object folders; called once the node is registered. */
    public void open() {
        store.open();
    }

    /**
     * Deletes the object folders that dead nodes on this host left behind (see
     * {@link DeadFolderSweeper}); {@code steady} tells whether Redis has answered long enough for
     * its answer about other nodes to count.
     */
    public void sweepDeadFolders(boolean steady) throws Exception {
        for (Path folder : sweeper.sweep(this::registered, steady)) {
            peers.forget(folder.getFileName().toString());
        }
    }

    private Set<String> registered(List<String> nodes) throws Exception {
        Set<String> registered = new HashSet<>(nodes);
        control.membership().unregistered(nodes).forEach(registered::remove);
        return registered;
    }

    /** A namespace as one folder name, or an error naming the setting. */
    private static String folderName(String namespace, String setting) {
        if (!namespace.matches("[A-Za-z0-9_.:-]+") || namespace.startsWith(".")) {
            throw new IllegalArgumentException(setting + " '" + namespace + "' cannot name an object folder: use "
                    + "letters, digits and . _ : - only, not starting with a dot");
        }
        return namespace;
    }

    public ObjectStore store() {
        return store;
    }

    public String endpoint() {
        return endpoint;
    }

    private void evicted(List<ObjectId> ids) {
        Map<String, List<String>> byJob = new LinkedHashMap<>();
        ids.forEach(id -> byJob.computeIfAbsent(id.job(), job -> new ArrayList<>()).add(id.id()));
        byJob.forEach((job, objects) -> control.objects().locations(job, node, false, objects).exceptionally(e -> {
            log.debug("Could not forget the evicted copies " + objects + " of node " + node + ": " + e);
            return null;
        }));
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
