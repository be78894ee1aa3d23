package io.jray.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A standalone jray node. It joins the cluster at {@code spring.data.redis.*} and runs the tasks of
 * the application classes put on its {@code loader.path}, found under
 * {@code jray.worker.scan-packages}:
 *
 * <pre>
 * java -Dloader.path=my-app.jar -jar jray-worker.jar \
 *      --spring.data.redis.host=redis.example --jray.worker.scan-packages=com.example.tasks
 * </pre>
 *
 * Only the named packages are scanned (not this class's own), so the worker runs exactly the
 * application's beans.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WorkerScanRegistrar.class)
public class JRayWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(JRayWorkerApplication.class, args);
    }
}
