package io.jray.test.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the cluster of a {@link JRayClusterTest} class before its tests, stops it after them, and
 * passes it to parameters of type {@link JRayTestCluster}. Registered by the annotation.
 */
public final class JRayClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(JRayClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> declaring = declaringClass(context);
        if (declaring == context.getRequiredTestClass()) {
            ActiveClusters.obtain(declaring);
            // why: a store's AutoCloseable closes after every afterAll callback, Spring's included, so the
            // cluster stops after Spring is done with the context whichever extension was declared first
            AutoCloseable release = () -> ActiveClusters.release(declaring);
            context.getStore(NAMESPACE).put(declaring, release);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == JRayTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> declaring = declaringClass(context);
        LocalCluster cluster = ActiveClusters.running(declaring);
        if (cluster == null) {
            throw new ParameterResolutionException("the jray test cluster of " + declaring.getName()
                    + " is not running (it starts before all tests of the class and stops after them)");
        }
        return cluster;
    }

    private static Class<?> declaringClass(ExtensionContext context) {
        Class<?> declaring = ActiveClusters.declaringClass(context.getRequiredTestClass());
        if (declaring == null) {
            throw new IllegalStateException(JRayClusterExtension.class.getSimpleName() + " on "
                    + context.getRequiredTestClass().getName() + " needs @JRayClusterTest to say what to start");
        }
        return declaring;
    }
}
