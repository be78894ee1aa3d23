package io.jray.test.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A worker JVM started by {@link LocalCluster}, its output in a log file. */
final class WorkerJvm implements ClusterWorker {

    private final Process process;
    private final Path log;

    private WorkerJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static WorkerJvm start(List<String> command, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            return new WorkerJvm(process, log);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM with " + command, e);
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void stop() {
        process.destroy();
        awaitExit();
    }

    @Override
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Sends SIGTERM without waiting, so several workers drain at once; see {@link #awaitExit()}. */
    void requestStop() {
        process.destroy();
    }

    /** Waits up to 30 s for the JVM to exit after a stop, then kills it. */
    void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String output() {
        try {
            return Files.readString(log);
        }
        catch (IOException e) {
            return "(no output in " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public Path logFile() {
        return log;
    }

    @Override
    public String toString() {
        return "worker JVM " + pid() + " (log " + log + ")";
    }
}
