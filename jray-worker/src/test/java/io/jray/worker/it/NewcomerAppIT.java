package io.jray.worker.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.test.TestRedis;
import io.jray.test.WorkerProcess;
import io.jray.worker.it.plainapp.PlainApp;
import io.jray.worker.it.plainapp.PlainTasks;
import io.jray.worker.it.tasks.BlobTasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A newcomer's application run the ways the README shows: the plain (non-web) app itself started
 * three times as workers, and its Boot jar run by jray-worker beside a worker that lacks its tasks.
 */
class NewcomerAppIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String PACKAGE = PlainApp.class.getPackageName();

    private final TestRedis redis = TestRedis.start();
    private final String namespace = TestRedis.uniqueNamespace();
    private final List<WorkerProcess> jvms = new ArrayList<>();
    private ConfigurableApplicationContext driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        jvms.forEach(WorkerProcess::close);
        redis.close();
    }

    private List<String> clusterArguments() {
        List<String> args = new ArrayList<>(List.of(redis.springArguments()));
        args.addAll(List.of("--jray.namespace=" + namespace, "--jray.node.cpus=2", "--jray.heartbeat.interval=250ms",
                "--jray.heartbeat.timeout=2s"));
        return args;
    }

    private static List<String> jvmOptions(String... more) {
        List<String> options = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        options.addAll(List.of(more));
        return options;
    }

    private Path log(String name) {
        return Path.of("target", "worker-logs", namespace + "-" + name + ".log");
    }

    private long nodes() {
        return redis.commands().scard(namespace + ":nodes");
    }

    /** A driver (submitting only) of the plain app, knowing the functions of {@code more} bean classes too. */
    private JRay startDriver(Class<?>... more) {
        List<String> properties = new ArrayList<>(List.of("jray.namespace=" + namespace, "jray.worker.enabled=false",
                "jray.heartbeat.interval=250ms", "jray.heartbeat.timeout=2s"));
        redis.springProperties().forEach((k, v) -> properties.add(k + "=" + v));
        driver = new SpringApplicationBuilder(PlainApp.class).sources(more).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
        return driver.getBean(JRay.class);
    }

    private void awaitNodes(long count) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (WorkerProcess jvm : jvms) {
                assertThat(jvm.isAlive()).as("a JVM exited: %s", jvm.output()).isTrue();
            }
            return nodes() >= count;
        });
    }

    @Test
    void aPlainNonWebAppStartedThreeTimesRunsTasksOnEveryJvmUntilStoppedAndSigtermDrainsIt(@TempDir Path markers)
            throws IOException {
        for (int i = 1; i <= 3; i++) {
            jvms.add(WorkerProcess.startMain(PlainApp.class.getName(), System.getProperty("java.class.path"),
                    jvmOptions("-Dplain.markers=" + markers), clusterArguments(), log("plain-" + i)));
        }
        awaitNodes(3);
        JRay jray = startDriver();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> jvms.stream().allMatch(WorkerProcess::isAlive));

        List<ObjectRef<Long>> spread = IntStream.range(0, 200)
                .mapToObj(i -> jray.task(PlainTasks::work, i, 20L).remote()).toList();
        Set<Long> pids = new HashSet<>(jray.get(spread, TIMEOUT));
        assertThat(pids).as("every JVM ran tasks")
                .containsExactlyInAnyOrderElementsOf(jvms.stream().map(WorkerProcess::pid).toList());

        List<ObjectRef<Long>> long_ = IntStream.range(1000, 1006)
                .mapToObj(i -> jray.task(PlainTasks::work, i, 3000L).remote()).toList();
        await().atMost(TIMEOUT).until(() -> started(markers).size() == 6);
        WorkerProcess victim = jvms.get(0);
        Map<Integer, Long> startedOn = started(markers);
        List<Integer> onVictim = startedOn.entrySet().stream().filter(e -> e.getValue() == victim.pid())
                .map(Map.Entry::getKey).toList();

        victim.requestStop();

        List<Long> ranOn = jray.get(long_, TIMEOUT);
        for (int index : onVictim) {
            assertThat(ranOn.get(index - 1000)).as("task %d, running on the stopped JVM, finished there", index)
                    .isEqualTo(victim.pid());
        }
        assertThat(onVictim).as("tasks ran on the stopped JVM when it was stopped").isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> !victim.isAlive());
        assertThat(victim.output()).contains("left the cluster");
    }

    @Test
    void theWorkerJarRunsAnAppsBootJarAndAWorkerWithoutItsFunctionNeverFailsItsTasks(@TempDir Path dir)
            throws IOException {
        Path bootJar = bootJarOfPlainApp(dir.resolve("plain-app.jar"));
        List<String> args = clusterArguments();
        args.add("--jray.worker.scan-packages=" + PACKAGE);
        // why: a string, not a Path, which would drop the trailing slash that marks a directory inside the jar
        WorkerProcess appWorker = WorkerProcess.startJar(Cluster.workerJar(), List.of(),
                jvmOptions("-Dloader.path=jar:file:" + bootJar + "!/BOOT-INF/classes/"), args, log("boot-jar"));
        jvms.add(appWorker);
        List<String> otherArgs = clusterArguments();
        otherArgs.add("--jray.worker.scan-packages=" + Cluster.TASKS_PACKAGE);
        WorkerProcess lacking = WorkerProcess.startJar(Cluster.workerJar(), List.of(Cluster.testClasses()),
                jvmOptions(), otherArgs, log("lacking"));
        jvms.add(lacking);
        awaitNodes(2);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(appWorker.output())
                .containsPattern("runs tasks: [1-9][0-9]* remote functions"));
        JRay jray = startDriver(BlobTasks.class);

        List<ObjectRef<Long>> refs = IntStream.range(0, 200)
                .mapToObj(i -> jray.task(PlainTasks::work, i, 5L).remote()).toList();

        assertThat(new HashSet<>(jray.get(refs, TIMEOUT))).as("all ran on the worker that has the function")
                .containsExactly(appWorker.pid());
        assertThat(lacking.output()).doesNotContain("UnknownFunctionException");

        // why: locality queues a task at the node holding its large argument, here the one without its function
        ObjectRef<byte[]> blob = jray.task(BlobTasks::bytes, 2_000_000, 7).remote();
        assertThat(jray.get(jray.task(BlobTasks::pid).remote(), TIMEOUT)).isEqualTo(lacking.pid());
        assertThat(jray.wait(List.of(blob), 1, TIMEOUT).ready()).as("the argument is made (and not fetched here)")
                .hasSize(1);
        ObjectRef<Integer> length = jray.task(PlainTasks::length, blob).remote();
        assertThat(length.get(Duration.ofSeconds(30))).as("run where the function is, pulling the argument there")
                .isEqualTo(2_000_000);
    }

    @Test
    void theWorkerJarRefusesToStartWhenItFindsNoTasks() {
        List<String> args = clusterArguments();
        args.add("--jray.worker.scan-packages=com.example.nothing.here");
        WorkerProcess empty = WorkerProcess.startJar(Cluster.workerJar(), List.of(Cluster.testClasses()), jvmOptions(),
                args, log("empty"));
        jvms.add(empty);
        await().atMost(TIMEOUT).until(() -> !empty.isAlive());
        assertThat(empty.output()).contains("jray-worker found no @RemoteTask bean and no @RemoteActor class")
                .contains("com.example.nothing.here");
        assertThat(nodes()).isZero();
    }

    /** Task index to the pid of the JVM it started on, from the markers the tasks left. */
    private static Map<Integer, Long> started(Path markers) throws IOException {
        try (Stream<Path> files = Files.list(markers)) {
            return files.map(p -> p.getFileName().toString().split("\\."))
                    .filter(parts -> Integer.parseInt(parts[0]) >= 1000)
                    .collect(java.util.stream.Collectors.toMap(parts -> Integer.parseInt(parts[0]),
                            parts -> Long.parseLong(parts[1]), (a, b) -> b));
        }
    }

    /** The plain app's classes laid out as in a Boot jar, with an application.properties of its own. */
    private static Path bootJarOfPlainApp(Path jar) throws IOException {
        Path classes = Cluster.testClasses();
        Path packageDir = classes.resolve(PACKAGE.replace('.', '/'));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.list(packageDir)) {
            // why: class path scanning finds a package through its directory entry, as a Boot jar has them
            String path = "BOOT-INF/classes/";
            zip.putNextEntry(new JarEntry(path));
            for (String part : PACKAGE.split("\\.")) {
                path += part + "/";
                zip.putNextEntry(new JarEntry(path));
            }
            for (Path file : files.toList()) {
                zip.putNextEntry(new JarEntry("BOOT-INF/classes/" + classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("BOOT-INF/classes/application.properties"));
            zip.write("spring.application.name=plain-app\n".getBytes());
            zip.closeEntry();
        }
        return jar;
    }
}
