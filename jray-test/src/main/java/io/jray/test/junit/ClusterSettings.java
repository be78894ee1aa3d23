package io.jray.test.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.AnnotatedClassFinder;

/**
 * What a {@link JRayClusterTest} asks for, resolved: the application class found, the properties
 * parsed, the directory for the workers' logs.
 */
record ClusterSettings(Class<?> testClass, Class<?> application, int workers, Map<String, String> properties,
        Map<String, String> workerProperties, List<String> jvmArgs, Duration startTimeout, Path logDirectory) {

    static ClusterSettings of(Class<?> testClass, JRayClusterTest annotation) {
        if (annotation.workers() < 0) {
            throw new IllegalArgumentException("@JRayClusterTest(workers = " + annotation.workers() + ") on "
                    + testClass.getName() + ": workers must be 0 or more");
        }
        return new ClusterSettings(testClass, application(testClass, annotation), annotation.workers(),
                parse(testClass, "properties", annotation.properties()),
                parse(testClass, "workerProperties", annotation.workerProperties()), List.of(annotation.jvmArgs()),
                Duration.ofSeconds(annotation.startTimeoutSeconds()), logDirectory(testClass));
    }

    private static Class<?> application(Class<?> testClass, JRayClusterTest annotation) {
        if (annotation.application() != void.class) {
            return annotation.application();
        }
        Class<?> found = new AnnotatedClassFinder(SpringBootConfiguration.class).findFromClass(testClass);
        if (found == null) {
            throw new IllegalStateException("@JRayClusterTest on " + testClass.getName() + " found no "
                    + "@SpringBootConfiguration in " + testClass.getPackageName() + " or a package above it; name the "
                    + "application the workers run with @JRayClusterTest(application = MyApplication.class)");
        }
        return found;
    }

    private static Map<String, String> parse(Class<?> testClass, String attribute, String[] entries) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("@JRayClusterTest(" + attribute + ") on " + testClass.getName()
                        + ": '" + entry + "' is not name=value");
            }
            properties.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return properties;
    }

    private static Path logDirectory(Class<?> testClass) {
        Path build = Files.isDirectory(Path.of("target")) ? Path.of("target")
                : Files.isDirectory(Path.of("build")) ? Path.of("build") : Path.of(System.getProperty("java.io.tmpdir"));
        return build.resolve("jray-test").resolve(testClass.getSimpleName() + "-" + ProcessHandle.current().pid())
                .toAbsolutePath();
    }
}
