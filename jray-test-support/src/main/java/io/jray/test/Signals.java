package io.jray.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * POSIX signals to child processes, for fault injection: {@code kill -STOP} freezes a process
 * (its sockets stay open, it answers nothing), {@code kill -CONT} wakes it. Only for processes the
 * test started itself, by pid.
 */
public final class Signals {

    private Signals() {
    }

    /**
     * Freezes the process (SIGSTOP); it keeps its sockets and memory. Returns once every thread of
     * it is stopped, where {@code /proc} shows that (Linux), so nothing it does afterwards can be
     * mistaken for work done before the freeze.
     */
    public static void stop(long pid) {
        send("STOP", pid);
        awaitStopped(pid, Duration.ofSeconds(5));
    }

    /** Wakes a frozen process (SIGCONT); harmless on a running one. */
    public static void resume(long pid) {
        send("CONT", pid);
    }

    private static void awaitStopped(long pid, Duration atMost) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!allStopped(tasks)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("process " + pid + " still has running threads " + atMost
                        + " after SIGSTOP");
            }
            Thread.onSpinWait();
        }
    }

    // why: a group stop takes effect per thread, as each one next returns to user mode
    private static boolean allStopped(Path tasks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.allMatch(thread -> {
                String state = threadState(thread.resolve("stat"));
                return state == null || state.equals("T") || state.equals("t") || state.equals("Z")
                        || state.equals("X");
            });
        }
        catch (IOException e) {
            return !Files.isDirectory(tasks);
        }
    }

    /** The state letter of {@code /proc/<pid>/task/<tid>/stat}, or null if the thread has gone. */
    private static String threadState(Path stat) {
        try {
            String line = Files.readString(stat);
            // why: the command name in parentheses may itself hold spaces and parentheses
            int end = line.lastIndexOf(')');
            return end < 0 || end + 2 >= line.length() ? null : line.substring(end + 2, end + 3);
        }
        catch (IOException e) {
            return null;
        }
    }

    /** Sends {@code SIG<name>} to the process, with {@code kill}. */
    public static void send(String name, long pid) {
        try {
            Process kill = new ProcessBuilder(List.of("kill", "-" + name, Long.toString(pid)))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + name + " " + pid + " did not return within 10 s");
            }
            if (kill.exitValue() != 0) {
                String out = new String(kill.getInputStream().readAllBytes()).trim();
                throw new IllegalStateException("kill -" + name + " " + pid + " failed (" + kill.exitValue() + "): " + out);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot run kill -" + name + " " + pid, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name + " to " + pid, e);
        }
    }
}
