package io.jray.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * POSIX signals to child processes, for fault injection: {@code kill -STOP} freezes a process
 * (its sockets stay open, it answers nothing), {@code kill -CONT} wakes it. Only for processes the
 * test started itself, by pid.
 */
public final class Signals {

    private Signals() {
    }

    /** Freezes the process (SIGSTOP); it keeps its sockets and memory. */
    public static void stop(long pid) {
        send("STOP", pid);
    }

    /** Wakes a frozen process (SIGCONT); harmless on a running one. */
    public static void resume(long pid) {
        send("CONT", pid);
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
