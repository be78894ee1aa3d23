package io.jray.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What to measure and where things are, from system properties (the Maven build passes them; see
 * the module's pom).
 *
 * @param tasks tasks per throughput run
 * @param runs measured throughput runs (the median is reported)
 * @param warmup tasks of one warm-up round (submitted, then awaited) before the throughput runs
 * @param warmupSeconds warm-up rounds go on at least this long, so the JIT compilers settle
 * @param syncCalls measured one-at-a-time calls
 * @param syncWarmup one-at-a-time calls before those
 * @param workerJvms worker JVMs besides the driver
 * @param slotsPerJvm CPU slots (jray) or worker threads (Redisson) of every JVM, the driver's included
 * @param contenders which systems to measure, in order
 * @param jvmArgs options of every worker JVM (the driver's are those this JVM was started with)
 * @param workerJar the executable jray-worker jar
 * @param classes the benchmark's classes (the worker JVMs' loader path)
 * @param logs where the started processes write their logs
 * @param report the Markdown file whose results section is rewritten
 * @param repo the repository's root, to name the commit measured
 */
public record Settings(int tasks, int runs, int warmup, int warmupSeconds, int syncCalls, int syncWarmup,
        int workerJvms, int slotsPerJvm, List<String> contenders, List<String> jvmArgs, Path workerJar, Path classes,
        Path logs, Path report, Path repo) {

    /** The systems the benchmark can measure. */
    public static final List<String> KNOWN_CONTENDERS = List.of("jray", "redisson");

    /** Reads the {@code bench.*} system properties. */
    public static Settings fromSystemProperties() {
        Settings settings = new Settings(integer("bench.tasks", 20_000), integer("bench.runs", 3),
                integer("bench.warmup", 5_000), integer("bench.warmup-seconds", 20),
                integer("bench.sync-calls", 2_000), integer("bench.sync-warmup", 2_000),
                integer("bench.worker-jvms", 2), integer("bench.slots", 2),
                split(System.getProperty("bench.contenders", "jray,redisson"), ","),
                split(System.getProperty("bench.jvm-args", "-Xms256m -Xmx1g -XX:+UseSerialGC"), " "),
                path("bench.worker-jar", "../jray-worker/target/jray-worker.jar"), path("bench.classes", "classes"),
                path("bench.logs", "bench-logs"), path("bench.report", "../../BENCHMARKS.md"),
                path("bench.repo", "../.."));
        for (String contender : settings.contenders()) {
            if (!KNOWN_CONTENDERS.contains(contender)) {
                throw new IllegalArgumentException("unknown contender '" + contender + "' in bench.contenders, known: "
                        + KNOWN_CONTENDERS);
            }
        }
        if (!Files.isRegularFile(settings.workerJar())) {
            throw new IllegalStateException("no worker jar at " + settings.workerJar() + ": build with "
                    + "./mvnw -Pbench -pl jray-benchmarks -am verify -DskipTests");
        }
        return settings;
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)).trim());
    }

    private static Path path(String name, String fallback) {
        return Path.of(System.getProperty(name, fallback)).toAbsolutePath().normalize();
    }

    private static List<String> split(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
