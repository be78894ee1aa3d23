package io.jray.runtime.node;

import io.jray.runtime.core.Resources;

/**
 * Who this node is.
 *
 * @param id a random id, new at each start
 * @param host the host name
 * @param hostId what identifies the machine (nodes with the same host id share memory)
 * @param pid the process id
 * @param resources the resources this node offers to tasks
 * @param worker whether it runs tasks
 */
public record NodeIdentity(String id, String host, String hostId, long pid, Resources resources, boolean worker) {
}
