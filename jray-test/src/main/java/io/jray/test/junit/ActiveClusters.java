package io.jray.test.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextAnnotationUtils.AnnotationDescriptor;

/**
 * The running cluster of each {@link JRayClusterTest} class, shared by the JUnit extension and the
 * Spring context customizer: whichever runs first starts it (the extension before all tests, or the
 * customizer when a per-class test instance loads its context earlier).
 */
final class ActiveClusters {

    private static final Map<Class<?>, LocalCluster> clusters = new ConcurrentHashMap<>();

    private ActiveClusters() {
    }

    /** The class that declares the annotation for {@code testClass} (an enclosing one for {@code @Nested}), or null. */
    static Class<?> declaringClass(Class<?> testClass) {
        AnnotationDescriptor<JRayClusterTest> descriptor = TestContextAnnotationUtils.findAnnotationDescriptor(testClass,
                JRayClusterTest.class);
        return descriptor == null ? null : descriptor.getRootDeclaringClass();
    }

    /** The cluster of the class declaring the annotation, started if it is not running yet. */
    static LocalCluster obtain(Class<?> declaringClass) {
        return clusters.computeIfAbsent(declaringClass, type -> LocalCluster.start(
                ClusterSettings.of(type, TestContextAnnotationUtils.findMergedAnnotation(type, JRayClusterTest.class))));
    }

    /** The running cluster of that class, or null. */
    static LocalCluster running(Class<?> declaringClass) {
        return clusters.get(declaringClass);
    }

    /** Stops and forgets the cluster of that class. */
    static void release(Class<?> declaringClass) {
        LocalCluster cluster = clusters.remove(declaringClass);
        if (cluster != null) {
            cluster.close();
        }
    }
}
