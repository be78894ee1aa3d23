package io.jray.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a small local jray cluster of its own: a private {@code redis-server}
 * and {@link #workers()} worker JVMs of the application, started before the first test and stopped
 * after the last. With {@code @SpringBootTest} the test's application context joins that cluster as
 * a node (the driver); without it, take a {@link JRayTestCluster} parameter and use
 * {@link JRayTestCluster#springProperties()}.
 *
 * <pre>
 * &#64;SpringBootTest
 * &#64;JRayClusterTest(workers = 2)
 * class WordCountTest {
 *     &#64;Autowired JRay jray;
 *
 *     &#64;Test
 *     void countsOnTheWorkers(JRayTestCluster cluster) { ... }
 * }
 * </pre>
 *
 * The worker JVMs run the application's {@code @SpringBootConfiguration} class (found from the test's
 * package as {@code @SpringBootTest} finds it, or named by {@link #application()}) on the test's class
 * path, as non-web applications.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(JRayClusterExtension.class)
public @interface JRayClusterTest {

    /** How many worker JVMs to start. */
    int workers() default 1;

    /** The application the workers run; by default the {@code @SpringBootConfiguration} found from the test's package. */
    Class<?> application() default void.class;

    /** Properties ({@code name=value}) for the workers and the test's context, such as {@code jray.node.cpus=2}. */
    String[] properties() default {};

    /** Properties ({@code name=value}) for the workers only, such as one that turns off a start-up runner. */
    String[] workerProperties() default {};

    /** Options of the worker JVMs: they start faster with C1 only and a small heap, and without JDK warnings. */
    String[] jvmArgs() default { "-Xmx512m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow" };

    /** How long, in seconds, the workers may take to join before the test class fails. */
    int startTimeoutSeconds() default 120;
}
