package io.jray.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What to measure and where things are, from system properties (the Maven build passes them; see
 * the module's pom).
 *
 * @param suites what to measure, in order: {@code tasks} (every contender), {@code actors}, {@code objects}
 *        (jray only; objects next to Redis as the peer) and {@code history} (jray's dashboard only)
 * @param tasks tasks per throughput run
 * @param runs measured throughput runs (the median is reported)
 * @param warmup tasks of one warm-up round (submitted, then awaited) before the throughput runs
 * @param warmupSeconds warm-up rounds go on at least this long, so the JIT compilers settle
 * @param syncCalls measured one-at-a-time calls
 * @param syncWarmup one-at-a-time calls before those
 * @param workerJvms worker JVMs besides the driver
 * @param slotsPerJvm CPU slots (jray) or worker threads (Redisson) of every JVM, the driver's included
 * @param contenders which systems the task suite measures, in order
 * @param actorCalls calls per async actor run: all to one actor (1:1), or split evenly over the n:n callers
 * @param actorCallers callers (threads of the driver), each with an actor of its own, in the n:n runs
 * @param actorWarmupSeconds the 1:1 and the n:n async actor runs each follow warm-up rounds this long
 * @param objectRuns measured runs of every object transfer (the median is reported)
 * @param matrixSize the n of the object suite's n x n matrix multiply
 * @param matrixRuns measured runs of the matrix multiply, as a DAG and locally
 * @param objectJvmArgs options the object suite adds to its worker JVMs' (a later {@code -Xmx} wins)
 * @param objectStoreLimit {@code jray.object.store-limit} of every node of the object suite
 * @param historyTasks tasks the history suite records before it reads pages of the Tasks page
 * @param historyQueries measured requests of every kind of page the history suite asks for
 * @param memoryTasks tasks the memory suite runs before it reads what Redis keeps of them
 * @param jvmArgs options of every worker JVM (the driver's are those this JVM was started with)
 * @param workerJar the executable jray-worker jar
 * @param classes the benchmark's classes (the worker JVMs' loader path)
 * @param logs where the started processes write their logs
 * @param report the Markdown file whose results section is rewritten
 * @param repo the repository's root, to name the commit measured
 */
public record Settings(List<String> suites, int tasks, int runs, int warmup, int warmupSeconds, int syncCalls,
        int syncWarmup, int workerJvms, int slotsPerJvm, List<String> contenders, int actorCalls, int actorCallers,
        int actorWarmupSeconds, int objectRuns, int matrixSize, int matrixRuns, List<String> objectJvmArgs,
        String objectStoreLimit, int historyTasks, int historyQueries, int memoryTasks, List<String> jvmArgs,
        Path workerJar,
        Path classes, Path logs, Path report, Path repo) {

    /** The task suite: every contender's tasks. */
    public static final String TASKS = "tasks";

    /** The actor suite: jray's actors (Redisson has no actor model). */
    public static final String ACTORS = "actors";

    /** The object suite: jray's object store (put, get across JVMs and simulated hosts), Redis as the peer. */
    public static final String OBJECTS = "objects";

    /** The history suite: the dashboard's Tasks page answering over a large task history (jray only). */
    public static final String HISTORY = "history";

    /** The memory suite: what Redis keeps of every finished task while its job's records are retained (jray only). */
    public static final String MEMORY = "memory";

    /** The suites the benchmark can run. */
    public static final List<String> KNOWN_SUITES = List.of(TASKS, ACTORS, OBJECTS, HISTORY, MEMORY);

    /** The suites run when {@code bench.suites} is not given (objects and history on request: see BENCHMARKS.md). */
    public static final List<String> DEFAULT_SUITES = List.of(TASKS, ACTORS);

    /** {@code bench.history-tasks} when not given: the dashboard's default history size. */
    static final int DEFAULT_HISTORY_TASKS = 1_000_000;

    /** {@code bench.history-queries} when not given. */
    static final int DEFAULT_HISTORY_QUERIES = 30;

    /** The fewest tasks the history suite records: enough for a full first page of failed tasks. */
    static final int MIN_HISTORY_TASKS = 10_000;

    /** The most tasks the history suite records (the dashboard's history keeps at most 2^30). */
    static final int MAX_HISTORY_TASKS = 100_000_000;

    /** The systems the benchmark can measure. */
    public static final List<String> KNOWN_CONTENDERS = List.of("jray", "redisson");

    /** Reads the {@code bench.*} system properties. */
    public static Settings fromSystemProperties() {
        Settings settings = new Settings(
                split(System.getProperty("bench.suites", String.join(",", DEFAULT_SUITES)), ",").stream().distinct().toList(),
                integer("bench.tasks", 20_000), integer("bench.runs", 3),
                integer("bench.warmup", 5_000), integer("bench.warmup-seconds", 20),
                integer("bench.sync-calls", 2_000), integer("bench.sync-warmup", 2_000),
                integer("bench.worker-jvms", 2), integer("bench.slots", 2),
                split(System.getProperty("bench.contenders", "jray,redisson"), ","),
                integer("bench.actor-calls", 20_000), integer("bench.actor-callers", 4),
                integer("bench.actor-warmup-seconds", 10), integer("bench.object-runs", 5),
                integer("bench.matrix-size", 1_000), integer("bench.matrix-runs", 3),
                split(System.getProperty("bench.object-jvm-args", "-Xmx2g"), " "),
                System.getProperty("bench.object-store-limit", "4GB").trim(),
                integer("bench.history-tasks", DEFAULT_HISTORY_TASKS),
                integer("bench.history-queries", DEFAULT_HISTORY_QUERIES),
                integer("bench.memory-tasks", 1_000_000),
                split(System.getProperty("bench.jvm-args", "-Xms256m -Xmx1g -XX:+UseSerialGC"), " "),
                path("bench.worker-jar", "../jray-worker/target/jray-worker.jar"), path("bench.classes", "classes"),
                path("bench.logs", "bench-logs"), path("bench.report", "../../BENCHMARKS.md"),
                path("bench.repo", "../.."));
        for (String suite : settings.suites()) {
            if (!KNOWN_SUITES.contains(suite)) {
                throw new IllegalArgumentException("unknown suite '" + suite + "' in bench.suites, known: "
                        + KNOWN_SUITES);
            }
        }
        if (settings.includes(ACTORS) && (settings.workerJvms() < 1 || settings.actorCallers() < 1
                || settings.actorCalls() < settings.actorCallers())) {
            throw new IllegalArgumentException("the actor suite needs bench.worker-jvms >= 1 (actors live on worker "
                    + "JVMs), bench.actor-callers >= 1 and bench.actor-calls >= bench.actor-callers");
        }
        if (settings.includes(OBJECTS) && (settings.workerJvms() < 2 || settings.objectRuns() < 1
                || settings.matrixRuns() < 1)) {
            throw new IllegalArgumentException("the object suite needs bench.worker-jvms >= 2 (one on this host, one "
                    + "as another host), bench.object-runs >= 1 and bench.matrix-runs >= 1");
        }
        if (settings.includes(HISTORY) && (settings.workerJvms() < 1 || settings.historyTasks() < MIN_HISTORY_TASKS
                || settings.historyTasks() > MAX_HISTORY_TASKS || settings.historyQueries() < 1)) {
            throw new IllegalArgumentException("the history suite needs bench.worker-jvms >= 1 (one of its queries "
                    + "filters by a worker JVM's node), bench.history-tasks from " + MIN_HISTORY_TASKS + " to "
                    + MAX_HISTORY_TASKS + " and bench.history-queries >= 1");
        }
        if (settings.includes(MEMORY) && settings.memoryTasks() < MIN_HISTORY_TASKS) {
            throw new IllegalArgumentException("the memory suite needs bench.memory-tasks >= " + MIN_HISTORY_TASKS
                    + ", was " + settings.memoryTasks());
        }
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

    /** Whether the suite named is to run. */
    public boolean includes(String suite) {
        return suites.contains(suite);
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
