package io.jray.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node in a JVM of its own, so calls really cross process boundaries: either the executable
 * {@code jray-worker} jar with application classes on its {@code loader.path}, or a main class on
 * a class path. Its output goes to a log file; {@link #kill()} sends SIGKILL.
 */
public final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private volatile boolean paused;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code java -Dloader.path=... -jar jar args}. */
    public static WorkerProcess startJar(Path jar, List<Path> loaderPath, List<String> jvmArgs, List<String> args,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmArgs);
        if (!loaderPath.isEmpty()) {
            command.add("-Dloader.path=" + String.join(",", loaderPath.stream().map(Path::toString).toList()));
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return start(command, log);
    }

    /** Runs {@code java -cp classpath mainClass args}. */
    public static WorkerProcess startMain(String mainClass, String classpath, List<String> jvmArgs, List<String> args,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return start(command, log);
    }

    private static WorkerProcess start(List<String> command, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            return new WorkerProcess(process, log);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The {@code java} of the JVM running the tests. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM at once with SIGKILL: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
        paused = false;
    }

    /** Asks the JVM to stop (SIGTERM), as an operator would. */
    public void stop() {
        requestStop();
        waitFor();
    }

    /** Sends SIGTERM (waking a paused JVM first) without waiting for the JVM to exit; see {@link #close()}. */
    public void requestStop() {
        resumeIfPaused();
        process.destroy();
    }

    /** Freezes the JVM with SIGSTOP, as a long GC pause or a suspended VM would: its sockets stay open. */
    public void pause() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the worker JVM " + process.pid() + " is not running");
        }
        Signals.stop(process.pid());
        paused = true;
    }

    /** Wakes the JVM after {@link #pause()} with SIGCONT. */
    public void resume() {
        if (process.isAlive()) {
            Signals.resume(process.pid());
        }
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }

    private void resumeIfPaused() {
        if (paused) {
            resume();
        }
    }

    /** What the process printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        }
        catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    public Path logFile() {
        return log;
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the JVM (SIGTERM, then SIGKILL after 30 s), waking it first if it is paused. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        paused = false;
    }
}
