package io.jray.worker.it.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.jray.api.RemoteActor;

/**
 * An actor with a random instance id, drawn when it is constructed (so a restart shows as a new
 * id). Each {@link #hello} leaves the file {@code dir/<instanceId>_<seq>_<epochMillis>_<uuid>}, so
 * the test sees which instance ran which call, and when, outside jray.
 */
@RemoteActor
public class ChaosActor {

    private final String dir;
    private final String instanceId = UUID.randomUUID().toString();

    public ChaosActor(String dir) {
        this.dir = dir;
    }

    /** Returns {@code instanceId + ":" + seq}, after recording the execution in a file. */
    public String hello(int seq) throws IOException {
        Files.createFile(Path.of(dir, instanceId + "_" + seq + "_" + System.currentTimeMillis() + "_"
                + UUID.randomUUID()));
        return instanceId + ":" + seq;
    }

    public String instanceId() {
        return instanceId;
    }

    /** The process id of the JVM that hosts this instance. */
    public long pid() {
        return ProcessHandle.current().pid();
    }
}
