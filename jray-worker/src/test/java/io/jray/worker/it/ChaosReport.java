package io.jray.worker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One line per chaos scenario, printed and appended to {@code target/chaos-results.md} as a
 * Markdown table row, to be copied into docs/faults.md.
 */
final class ChaosReport {

    static final Path FILE = Path.of("target", "chaos-results.md");
    private static final String HEADER = """

            Chaos run of %s (git %s)

            | scenario | tasks | lost | duplicate results | executions | recovery ms | notes |
            |---|---:|---:|---:|---:|---:|---|
            """;
    private static boolean headerWritten;

    private ChaosReport() {
    }

    /**
     * Prints and appends {@code | scenario | tasks | lost | duplicates | executions | recovery ms | notes |};
     * {@code recoveryMs} below 0 prints as "n/a".
     */
    static synchronized void line(String scenario, long tasks, long lost, long duplicates, long executions,
            long recoveryMs, String notes) {
        String row = "| " + scenario + " | " + tasks + " | " + lost + " | " + duplicates + " | " + executions + " | "
                + (recoveryMs < 0 ? "n/a" : Long.toString(recoveryMs)) + " | " + notes.replace("|", "/") + " |";
        System.out.println("CHAOS " + row);
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            StringBuilder text = new StringBuilder();
            if (!headerWritten) {
                text.append(HEADER.formatted(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19),
                        gitHead()));
                headerWritten = true;
            }
            text.append(row).append('\n');
            Files.writeString(FILE, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + FILE, e);
        }
    }

    /** The commit the worktree is at, or "?". */
    private static String gitHead() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            if (!git.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return "?";
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 ? out : "?";
        }
        catch (IOException e) {
            return "?";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    static long millis(long fromNanos, long toNanos) {
        return toNanos <= 0 || fromNanos <= 0 ? -1 : Math.max(0, (toNanos - fromNanos) / 1_000_000);
    }
}
