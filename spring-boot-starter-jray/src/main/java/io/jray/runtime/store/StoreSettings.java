package io.jray.runtime.store;

import java.nio.file.Path;

/**
 * How a node keeps large values.
 *
 * @param directory where segment files live (a tmpfs such as {@code /dev/shm} for shared memory);
 *        each node uses a folder of its own in it
 * @param spillDirectory where primary copies go when the store is full; a folder per node too
 * @param limit the most bytes of segment files this node keeps
 * @param inlineThreshold values up to this size stay inline in Redis
 * @param bindAddress the address the object endpoint listens on
 * @param port its port, 0 for any free one
 * @param advertisedHost how other nodes reach the endpoint, or {@code null} for the bind address
 * @param token the cluster token that authenticates transfers, or {@code null} for one kept in Redis
 */
public record StoreSettings(Path directory, Path spillDirectory, long limit, long inlineThreshold, String bindAddress,
        int port, String advertisedHost, String token) {
}
