package io.jray.worker.it.chaosdriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.jray.api.JRay;
import io.jray.api.ObjectRef;
import io.jray.worker.it.tasks.ChaosTasks;

/**
 * A driver in a JVM of its own, for the scenario that kills a driver: at start it submits
 * {@code chaos.count} tasks that each hold a CPU for two minutes, leaves {@code chaos.dir/submitted},
 * and keeps the refs (so nothing is freed) until it is killed.
 */
@Component
// why: the test JVM's driver application scans this package too; it submits only when asked
@ConditionalOnProperty("chaos.dir")
public class ChaosSubmitter implements ApplicationRunner {

    private final JRay jray;
    private final List<ObjectRef<Integer>> refs = new ArrayList<>();

    @Value("${chaos.dir}")
    private String dir;

    @Value("${chaos.count}")
    private int count;

    public ChaosSubmitter(JRay jray) {
        this.jray = jray;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        for (int i = 0; i < count; i++) {
            refs.add(jray.task(ChaosTasks::park, dir, 120_000L).remote());
        }
        Files.createFile(Path.of(dir, "submitted"));
    }
}
