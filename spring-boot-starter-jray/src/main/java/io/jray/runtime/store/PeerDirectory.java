package io.jray.runtime.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.jray.runtime.control.ControlPlane;
import io.jray.runtime.control.NodeField;

/**
 * Where other nodes keep their objects, read from their registrations in Redis once per node
 * (what a node registers does not change while it lives).
 */
final class PeerDirectory {

    /** The node hash fields a node's store registers. */
    static final String HOST_ID = "hostId";
    static final String FOLDER = NodeField.OBJECT_FOLDER.code();
    static final String SPILL_FOLDER = NodeField.SPILL_FOLDER.code();
    static final String ENDPOINT = NodeField.ENDPOINT.code();

    /**
     * A node's store as others see it.
     *
     * @param hostId the machine it runs on
     * @param folder its shared-memory folder
     * @param spillFolder its spill folder
     * @param endpoint the base URL of its object endpoint
     */
    record Peer(String hostId, Path folder, Path spillFolder, String endpoint) {
    }

    private final ControlPlane control;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();

    PeerDirectory(ControlPlane control) {
        this.control = control;
    }

    /** The store of a live node, or {@code null} when it is not registered (dead, or gone). */
    Peer peer(String node) throws Exception {
        Peer known = peers.get(node);
        if (known != null) {
            return known;
        }
        List<String> fields = control.membership().fields(node, HOST_ID, FOLDER, SPILL_FOLDER, ENDPOINT);
        if (fields.contains(null)) {
            return null;
        }
        Peer peer = new Peer(fields.get(0), Path.of(fields.get(1)), Path.of(fields.get(2)), fields.get(3));
        peers.put(node, peer);
        return peer;
    }

    /** Forgets a node (it died). */
    void forget(String node) {
        peers.remove(node);
    }
}
