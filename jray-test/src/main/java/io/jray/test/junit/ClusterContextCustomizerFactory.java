package io.jray.test.junit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Joins the Spring context of a {@link JRayClusterTest} class to its cluster: adds the cluster's
 * Redis and namespace as properties (under the test's own inlined properties) and has the cluster
 * close the context before it stops. Registered in {@code META-INF/spring.factories}.
 */
final class ClusterContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        Class<?> declaring = ActiveClusters.declaringClass(testClass);
        return declaring == null ? null : new ClusterContextCustomizer(declaring);
    }

    /** Equal for the tests of one annotated class, so they share a context and no other class does. */
    private record ClusterContextCustomizer(Class<?> declaringClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            LocalCluster cluster = ActiveClusters.obtain(declaringClass);
            MapPropertySource source = new MapPropertySource("jray test cluster",
                    new LinkedHashMap<String, Object>(Map.copyOf(cluster.springProperties())));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
            }
            else {
                sources.addFirst(source);
            }
            cluster.attach(context);
        }
    }
}
