package io.jray.runtime.node;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;

import io.jray.runtime.core.IdGenerator;
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

    /**
     * This process as a new node: a random id, this host's name and this process's id.
     *
     * @param hostId what identifies the machine, or {@code null} for its host name
     */
    public static NodeIdentity ofThisProcess(String hostId, Resources resources, boolean worker) {
        String host = hostName();
        return new NodeIdentity(IdGenerator.random(8), host, hostId != null ? hostId : host,
                ProcessHandle.current().pid(), resources, worker);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (Exception e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
