package io.jray.worker.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The test JVM's application: a driver (and worker) with the task beans of this package tree. */
@SpringBootApplication
public class DriverApplication {
}
