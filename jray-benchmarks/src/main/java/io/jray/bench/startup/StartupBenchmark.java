package io.jray.bench.startup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.jray.bench.Machine;
import io.jray.bench.RedisServer;
import io.jray.bench.tasks.BenchTasks;
import io.jray.test.WorkerProcess;

/**
 * The start-up suite: a fresh cluster (worker JVMs, then a driver JVM that only submits) per
 * measurement, in three forms interleaved run by run: the executable {@code jray-worker} jar as the
 * README starts it, its extracted form ({@code -Djarmode=tools extract}), and the extracted form
 * with JDK AOT caches for worker and driver made by one training run ({@code -XX:AOTCacheOutput}).
 * Prints a Markdown table and writes it to {@code bench.startup-report}.
 */
public final class StartupBenchmark {

    private static final Pattern STARTED = Pattern.compile("Started JRayWorkerApplication in [0-9.]+ seconds "
            + "\\(process running for ([0-9.]+)\\)");

    private final Path workerJar;
    private final Path work;
    private final List<String> jvmArgs;
    private final int workers;
    private final int slots;
    private final int tasks;
    private final int batches;
    private Path benchJar;
    private Path extractedJar;
    private String driverClassPath;

    private StartupBenchmark(Path workerJar, Path work, List<String> jvmArgs, int workers, int slots, int tasks,
            int batches) {
        this.workerJar = workerJar;
        this.work = work;
        this.jvmArgs = jvmArgs;
        this.workers = workers;
        this.slots = slots;
        this.tasks = tasks;
        this.batches = batches;
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(System.getProperty("bench.classes", "classes")).toAbsolutePath();
        StartupBenchmark benchmark = new StartupBenchmark(
                Path.of(System.getProperty("bench.worker-jar", "../jray-worker/target/jray-worker.jar")).toAbsolutePath(),
                Path.of(System.getProperty("bench.logs", "bench-logs")).toAbsolutePath().resolve("startup"),
                Arrays.stream(System.getProperty("bench.jvm-args", "-Xms256m -Xmx1g -XX:+UseSerialGC").split(" "))
                        .filter(s -> !s.isBlank()).toList(),
                Integer.getInteger("bench.worker-jvms", 2), Integer.getInteger("bench.slots", 2),
                Integer.getInteger("bench.tasks", 20_000), Integer.getInteger("bench.startup-batches", 8));
        int runs = Integer.getInteger("bench.runs", 3);
        Path report = Path.of(System.getProperty("bench.startup-report", "startup.md")).toAbsolutePath();
        benchmark.prepare(classes);
        List<Measurement> measurements = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(benchmark.work)) {
            benchmark.train(redis);
            for (int run = 1; run <= runs; run++) {
                for (Form form : Form.values()) {
                    redis.flush();
                    Measurement m = benchmark.measure(redis, form, "st" + run + form.ordinal());
                    System.out.println("[startup] run " + run + ", " + form.label + ": " + m);
                    measurements.add(m);
                }
            }
        }
        String table = StartupReport.markdown(measurements, benchmark.describe(runs));
        System.out.println(table);
        Files.writeString(report, table);
        System.out.println("Written to " + report);
        System.exit(0);
    }

    /** The three ways a node starts. */
    enum Form {
        FAT_JAR("executable jar (README)"), EXTRACTED("extracted jar"), AOT_CACHE("extracted jar + AOT cache");

        final String label;

        Form(String label) {
            this.label = label;
        }
    }

    /** One fresh cluster's figures. */
    record Measurement(Form form, double joinSeconds, double workerProcessSeconds, double driverReadySeconds,
            double firstTaskMillis, List<Double> batchRates) {

        double firstBatchRate() {
            return batchRates.getFirst();
        }

        /** The median of the last three batches. */
        double steadyRate() {
            List<Double> last = batchRates.subList(Math.max(0, batchRates.size() - 3), batchRates.size()).stream()
                    .sorted().toList();
            return last.get(last.size() / 2);
        }

        @Override
        public String toString() {
            return String.format("workers joined in %.2f s, driver ready in %.2f s, first task %.1f ms, first batch "
                    + "%.0f tasks/s, steady %.0f tasks/s", joinSeconds, driverReadySeconds, firstTaskMillis,
                    firstBatchRate(), steadyRate());
        }
    }

    private String describe(int runs) {
        return runs + " runs of each form, interleaved; each a fresh Redis namespace, " + workers + " worker JVMs ("
                + slots + " slots each) and a driver JVM that only submits, " + batches + " batches of " + tasks
                + " empty tasks; JVM options " + String.join(" ", jvmArgs) + "; " + Machine.describe();
    }

    private void prepare(Path classes) throws IOException, InterruptedException {
        Files.createDirectories(work);
        benchJar = jar(classes, work.resolve("bench-tasks.jar"));
        Path extracted = work.resolve("worker");
        run(List.of(WorkerProcess.javaBinary(), "-Djarmode=tools", "-jar", workerJar.toString(), "extract",
                "--destination", extracted.toString(), "--force"), work.resolve("extract.log"));
        extractedJar = extracted.resolve(workerJar.getFileName());
        // why: an AOT cache takes classes from jars only, so the driver runs the benchmark's classes as a jar
        driverClassPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().equals(classes) ? benchJar.toString() : entry)
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** One training run writes the worker's and the driver's AOT caches as those JVMs exit. */
    private void train(RedisServer redis) throws InterruptedException {
        List<WorkerProcess> started = new ArrayList<>();
        try {
            for (int i = 1; i <= workers; i++) {
                List<String> extra = i == 1 ? List.of("-XX:AOTCacheOutput=" + cache("worker")) : List.of();
                started.add(startWorker(redis, Form.EXTRACTED, "train", i, extra));
            }
            awaitJoined(redis, "train", started);
            WorkerProcess driver = startDriver(redis, "train", List.of("-XX:AOTCacheOutput=" + cache("driver")));
            awaitExit(driver);
        }
        finally {
            started.forEach(WorkerProcess::close);
        }
        for (String name : List.of("worker", "driver")) {
            if (!Files.isRegularFile(cache(name))) {
                throw new IllegalStateException("the training run wrote no AOT cache " + cache(name) + "; see " + work);
            }
        }
    }

    private Measurement measure(RedisServer redis, Form form, String namespace) throws InterruptedException {
        List<String> workerCache = form == Form.AOT_CACHE ? List.of("-XX:AOTCache=" + cache("worker")) : List.of();
        List<String> driverCache = form == Form.AOT_CACHE ? List.of("-XX:AOTCache=" + cache("driver")) : List.of();
        List<WorkerProcess> started = new ArrayList<>();
        try {
            long spawned = System.nanoTime();
            for (int i = 1; i <= workers; i++) {
                started.add(startWorker(redis, form, namespace, i, workerCache));
            }
            awaitJoined(redis, namespace, started);
            double join = (System.nanoTime() - spawned) / 1e9;
            WorkerProcess driver = startDriver(redis, namespace, driverCache);
            awaitExit(driver);
            Map<String, String> figures = figures(driver.output());
            List<Double> rates = new ArrayList<>();
            for (int b = 1; b <= batches; b++) {
                rates.add(Double.parseDouble(required(figures, "batch-" + b + "-tasks-per-s", driver)));
            }
            double processSeconds = started.stream().mapToDouble(StartupBenchmark::processRunningFor).max().orElse(-1);
            return new Measurement(form, join, processSeconds,
                    Double.parseDouble(required(figures, "ready-ms", driver)) / 1000,
                    Double.parseDouble(required(figures, "first-task-ms", driver)), rates);
        }
        finally {
            started.forEach(WorkerProcess::close);
        }
    }

    private WorkerProcess startWorker(RedisServer redis, Form form, String namespace, int i, List<String> extra) {
        List<String> options = new ArrayList<>(jvmArgs);
        options.addAll(extra);
        List<String> args = List.of("--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
                "--jray.namespace=" + namespace, "--jray.node.cpus=" + slots,
                "--jray.worker.scan-packages=" + BenchTasks.class.getPackageName());
        Path log = work.resolve(namespace + "-worker-" + i + ".log");
        if (form == Form.FAT_JAR) {
            return WorkerProcess.startJar(workerJar, List.of(benchJar), options, args, log);
        }
        return WorkerProcess.startMain("io.jray.worker.JRayWorkerApplication",
                extractedJar + java.io.File.pathSeparator + benchJar, options, args, log);
    }

    private WorkerProcess startDriver(RedisServer redis, String namespace, List<String> extra) {
        List<String> options = new ArrayList<>(jvmArgs);
        options.addAll(extra);
        return WorkerProcess.startMain(StartupDriver.class.getName(), driverClassPath, options,
                List.of(redis.host(), Integer.toString(redis.port()), namespace, Integer.toString(tasks),
                        Integer.toString(batches)), work.resolve(namespace + "-driver.log"));
    }

    private void awaitJoined(RedisServer redis, String namespace, List<WorkerProcess> started)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (redis.commands().scard(namespace + ":nodes") < started.size()) {
            for (WorkerProcess worker : started) {
                if (!worker.isAlive()) {
                    throw new IllegalStateException("a worker JVM exited before it joined; see " + worker.logFile());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workers did not join within 120 s; see " + work);
            }
            Thread.sleep(10);
        }
    }

    private static void awaitExit(WorkerProcess driver) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (driver.isAlive()) {
            if (System.nanoTime() > deadline) {
                driver.kill();
                throw new IllegalStateException("the driver JVM ran past 5 minutes; see " + driver.logFile());
            }
            Thread.sleep(50);
        }
    }

    private Path cache(String name) {
        return work.resolve(name + ".aot");
    }

    private static Map<String, String> figures(String output) {
        return output.lines().filter(line -> line.matches("[a-z0-9-]+=[0-9.E+-]+"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
    }

    private static String required(Map<String, String> figures, String name, WorkerProcess driver) {
        String value = figures.get(name);
        if (value == null) {
            throw new IllegalStateException("the driver printed no " + name + "; see " + driver.logFile());
        }
        return value;
    }

    private static double processRunningFor(WorkerProcess worker) {
        Matcher matcher = STARTED.matcher(worker.output());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    private static Path jar(Path classes, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.sorted().toList()) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                // why: Spring scans packages through directory entries, so the jar keeps them
                jar.putNextEntry(new JarEntry(Files.isDirectory(path) ? name + "/" : name));
                if (Files.isRegularFile(path)) {
                    Files.copy(path, jar);
                }
                jar.closeEntry();
            }
        }
        return target;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed; see " + log);
        }
    }

    static <T> double median(List<T> values, Function<T, Double> figure) {
        List<Double> sorted = values.stream().map(figure).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
