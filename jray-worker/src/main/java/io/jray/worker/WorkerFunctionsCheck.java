package io.jray.worker;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

import io.jray.runtime.function.FunctionRegistry;

/**
 * Refuses to start a worker that found nothing to run: a worker without remote functions would join
 * the cluster, take tasks and fail them all.
 */
final class WorkerFunctionsCheck implements SmartInitializingSingleton {

    private final FunctionRegistry functions;
    private final Environment environment;

    WorkerFunctionsCheck(FunctionRegistry functions, Environment environment) {
        this.functions = functions;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (functions.functions().isEmpty() && functions.actorClasses().isEmpty()) {
            throw new IllegalStateException("jray-worker found no @RemoteTask bean and no @RemoteActor class in "
                    + WorkerScanRegistrar.PROPERTY + "=" + environment.getProperty(WorkerScanRegistrar.PROPERTY)
                    + " on loader.path=" + System.getProperty("loader.path", "(unset)") + ". Put the application's "
                    + "classes on loader.path (its Boot jar as my-app.jar!/BOOT-INF/classes/, or a plain classes "
                    + "jar) and name the packages of its task classes");
        }
    }
}
