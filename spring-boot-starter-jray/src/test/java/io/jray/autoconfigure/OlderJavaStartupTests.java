package io.jray.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An application built for Java 17 with the starter, started on a Java 17 JVM as a user on an older
 * JDK would: Boot's report says which Java jray needs and which one runs. Skipped (and reported as
 * skipped) where no JDK 17 is installed under {@code /usr/lib/jvm} or named by {@code JRAY_TEST_JAVA17}.
 */
class OlderJavaStartupTests {

    @Test
    void anOlderJvmGetsBootsReportNamingBothJavaVersions(@TempDir Path dir) throws Exception {
        Optional<Path> java17 = java17();
        assumeTrue(java17.isPresent(), "no JDK 17 installed: set JRAY_TEST_JAVA17 to its home to run this test");
        Path source = dir.resolve("src/demo/Demo.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package demo;
                @org.springframework.boot.autoconfigure.SpringBootApplication
                public class Demo {
                    public static void main(String[] args) {
                        org.springframework.boot.SpringApplication.run(Demo.class, args);
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), source.toString());
        assertThat(compiled).isZero();

        Path log = dir.resolve("out.log");
        Process process = new ProcessBuilder(java17.get().toString(), "-cp",
                classes + System.getProperty("path.separator") + System.getProperty("java.class.path"), "demo.Demo",
                "--spring.main.web-application-type=none", "--jray.redis.embedded=never")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START").contains("jray needs Java 25 or later")
                .contains("this application runs on Java 17").contains("Run the application with a JDK 25");
    }

    @Test
    void otherClassesTooNewForTheJvmAreLeftToOtherAnalyzers() {
        FailureAnalysis analysis = new JavaVersionFailureAnalyzer().analyze(new UnsupportedClassVersionError(
                "com/example/Other has been compiled by a more recent version of the Java Runtime (class file version 70.0)"));
        assertThat(analysis).isNull();
        FailureAnalysis ours = new JavaVersionFailureAnalyzer().analyze(new UnsupportedClassVersionError(
                "io/jray/api/JRay has been compiled by a more recent version of the Java Runtime (class file version 69.0)"));
        assertThat(ours.getDescription()).startsWith("jray needs Java 25 or later");
    }

    private static Optional<Path> java17() throws IOException {
        String configured = System.getenv("JRAY_TEST_JAVA17");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured, "bin", "java"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            List<Path> found = homes.filter(home -> home.getFileName().toString().contains("17"))
                    .map(home -> home.resolve("bin/java")).filter(Files::isExecutable).toList();
            return found.stream().findFirst();
        }
    }
}
