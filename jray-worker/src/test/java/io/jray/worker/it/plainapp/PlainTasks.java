package io.jray.worker.it.plainapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.jray.api.RemoteTask;

/** Tasks that tell which JVM ran them. */
@RemoteTask
public class PlainTasks {

    public long pid() {
        return ProcessHandle.current().pid();
    }

    /** The length of a value, and so of a large argument held by another node. */
    public int length(byte[] data) {
        return data.length;
    }

    /**
     * Marks its start as {@code <index>.<pid>.started} in the directory named by the system property
     * {@code plain.markers} (when set), works for {@code millis}, and returns the pid of its JVM.
     */
    public long work(int index, long millis) throws IOException, InterruptedException {
        String markers = System.getProperty("plain.markers");
        if (markers != null) {
            Files.writeString(Path.of(markers, index + "." + pid() + ".started"), "");
        }
        Thread.sleep(millis);
        return pid();
    }
}
