package io.jray.bench.jray;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

import io.jray.bench.tasks.BenchTasks;

/** The driver's Spring application: the jray starter and the benchmark's task bean. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = BenchTasks.class)
public class BenchDriverApplication {
}
