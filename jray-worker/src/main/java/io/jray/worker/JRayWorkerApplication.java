package io.jray.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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
 */
@SpringBootApplication
@Import(WorkerScanRegistrar.class)
public class JRayWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(JRayWorkerApplication.class, args);
    }
}
