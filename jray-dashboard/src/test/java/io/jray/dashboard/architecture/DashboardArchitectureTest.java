package io.jray.dashboard.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dashboard reads the cluster through the runtime's published read interfaces (the control
 * plane's readers, the history, the node's operations), never through the Redis client, the
 * connection, or the parts that submit and run tasks.
 */
class DashboardArchitectureTest {

    private static final JavaClasses DASHBOARD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.jray.dashboard");

    @Test
    void theDashboardNeverTouchesTheRedisClientNorTheConnection() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "org.springframework.data.redis..",
                "io.jray.runtime.control.redis..").check(DASHBOARD);
    }

    @Test
    void theDashboardUsesNoPartOfTheDriverNorOfTheWorker() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.jray.runtime.task..",
                "io.jray.runtime.worker..", "io.jray.runtime.store..").check(DASHBOARD);
    }

    @Test
    void theDashboardsPackagesHaveNoCycle() {
        slices().matching("io.jray.dashboard.(**)").should().beFreeOfCycles().check(DASHBOARD);
    }
}
