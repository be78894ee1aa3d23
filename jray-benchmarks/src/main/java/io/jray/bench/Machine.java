package io.jray.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** A one-line description of the machine and JVM the benchmark ran on. */
public final class Machine {

    private Machine() {
    }

    /** Cores, CPU model, memory, OS and JDK. */
    public static String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB RAM, %s %s, JDK %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memoryGiB(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"));
    }

    private static String cpuModel() {
        return procField("/proc/cpuinfo", "model name").orElse("unknown CPU");
    }

    private static double memoryGiB() {
        return procField("/proc/meminfo", "MemTotal").map(v -> Double.parseDouble(v.replace("kB", "").trim())
                / (1024 * 1024)).orElse(0.0);
    }

    private static Optional<String> procField(String file, String name) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(name))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
