package io.jray.worker;

import java.util.Arrays;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Scans the packages named in {@code jray.worker.scan-packages} for the application's beans: its
 * {@code @RemoteTask} beans and whatever configuration and components they need.
 */
class WorkerScanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    static final String PROPERTY = "jray.worker.scan-packages";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        String[] packages = environment.getProperty(PROPERTY, String[].class, new String[0]);
        String[] cleaned = Arrays.stream(packages).map(String::trim).filter(p -> !p.isEmpty()).toArray(String[]::new);
        if (cleaned.length == 0) {
            throw new IllegalStateException("Set " + PROPERTY + " to the packages of the application whose tasks this "
                    + "worker runs (its classes go on -Dloader.path), e.g. --" + PROPERTY + "=com.example.tasks");
        }
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(registry, true, environment);
        scanner.scan(cleaned);
    }
}
