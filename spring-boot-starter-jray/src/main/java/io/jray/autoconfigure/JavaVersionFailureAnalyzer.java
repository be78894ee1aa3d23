package io.jray.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns jray's classes failing to load on a JVM older than the one they need into Boot's
 * "APPLICATION FAILED TO START" report, naming both Java versions and what to change.
 *
 * <p>Compiled for Java 17 (Spring Boot's own minimum), unlike the rest of the starter, so that the
 * older JVM it reports on can load it; it must not refer to any other jray class.
 */
class JavaVersionFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedClassVersionError> {

    private static final Pattern CLASS_FILE_VERSION = Pattern.compile("class file version (\\d+)");

    /** What a class file's major version is in Java versions: 61 is Java 17, 69 is Java 25. */
    private static final int JAVA_VERSION_OFFSET = 44;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedClassVersionError cause) {
        String message = String.valueOf(cause.getMessage());
        if (!message.contains("io/jray/")) {
            return null;
        }
        Matcher version = CLASS_FILE_VERSION.matcher(message);
        String needed = version.find() ? "Java " + (Integer.parseInt(version.group(1)) - JAVA_VERSION_OFFSET)
                : "a newer Java";
        String running = "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")";
        return new FailureAnalysis("jray needs " + needed + " or later, but this application runs on " + running
                + ": " + message + ".",
                "Run the application with a JDK 25 or later: point JAVA_HOME (or the java on PATH) at one, and build "
                        + "with it too (the Maven enforcer or Gradle toolchain of the application can require it).",
                cause);
    }
}
