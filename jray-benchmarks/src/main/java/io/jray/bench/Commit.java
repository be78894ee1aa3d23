package io.jray.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which code was measured: the commit of the repository and whether the runtime had local changes
 * (the build compiles the working tree).
 */
final class Commit {

    private static final List<String> RUNTIME = List.of("spring-boot-starter-jray/src/main", "jray-worker/src/main");

    private Commit() {
    }

    static String describe(Path repo) {
        String head = git(repo, "log", "-1", "--format=%h (%cd, %s)", "--date=format:%Y-%m-%d %H:%M");
        if (head.isEmpty()) {
            return "unknown (not a git checkout)";
        }
        List<String> status = new ArrayList<>(List.of("status", "--porcelain", "--"));
        status.addAll(RUNTIME);
        return head + (git(repo, status.toArray(String[]::new)).isEmpty() ? ""
                : ", with uncommitted changes to the runtime");
    }

    private static String git(Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "";
            }
            return out;
        }
        catch (IOException e) {
            return "";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
