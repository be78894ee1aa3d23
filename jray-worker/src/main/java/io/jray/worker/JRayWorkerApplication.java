package io.jray.worker;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import io.jray.runtime.function.FunctionRegistry;

/**
 * A standalone jray node. It joins the cluster at {@code spring.data.redis.*} and runs the tasks of
 * the application classes put on its {@code loader.path}, found under
 * {@code jray.worker.scan-packages}. For an application's Boot jar, name its classes inside it:
 *
 * <pre>
 * java -Dloader.path='my-app.jar!/BOOT-INF/classes/' -jar jray-worker.jar \
 *      --spring.data.redis.host=redis.example --jray.worker.scan-packages=com.example.tasks
 * </pre>
 *
 * Only the named packages are scanned (not this class's own), so the worker runs exactly the
 * application's beans; it refuses to start when they hold no remote function or actor.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WorkerScanRegistrar.class)
public class JRayWorkerApplication {

    /**
     * What makes this a worker; default properties, so the application's own
     * {@code application.properties} on the loader path neither hides nor is hidden by them.
     */
    static final Map<String, Object> DEFAULTS = Map.of("spring.application.name", "jray-worker",
            "spring.main.web-application-type", "none", "jray.redis.embedded", "never",
            // why: a standalone node stays up until it is stopped, even one that only submits
            "spring.main.keep-alive", "true");

    @Bean
    static WorkerFunctionsCheck jrayWorkerFunctionsCheck(FunctionRegistry functions, Environment environment) {
        return new WorkerFunctionsCheck(functions, environment);
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(JRayWorkerApplication.class);
        application.setDefaultProperties(DEFAULTS);
        application.run(args);
    }
}
