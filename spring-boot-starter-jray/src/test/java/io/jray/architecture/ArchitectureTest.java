package io.jray.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's structure, read from its compiled classes with ArchUnit: packages without cycles,
 * an API that knows nothing of the runtime, a shared vocabulary that knows neither side, a worker
 * side (running tasks) and driver side (submitting them, owning refs) that meet only there, and one
 * door to Redis: only the control plane (and the auto-configuration that opens the connection)
 * touches the Redis client.
 */
class ArchitectureTest {

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.jray");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.jray.(**)").should().beFreeOfCycles().check(STARTER);
    }

    @Test
    void theApiDependsOnNothingOfTheRuntimeNorOfTheAutoConfiguration() {
        noClasses().that().resideInAPackage("io.jray.api..").should().dependOnClassesThat()
                .resideInAnyPackage("io.jray.runtime..", "io.jray.autoconfigure..").check(STARTER);
    }

    @Test
    void theSharedVocabularyKnowsNeitherTheDriverNorTheWorkerNorTheControlPlane() {
        noClasses().that().resideInAPackage("io.jray.runtime.core..").should().dependOnClassesThat()
                .resideInAnyPackage("io.jray.runtime.task..", "io.jray.runtime.worker..", "io.jray.runtime.control..",
                        "io.jray.runtime.node..", "io.jray.runtime.store..", "io.jray.autoconfigure..")
                .check(STARTER);
    }

    @Test
    void theWorkerSideAndTheDriverSideKnowOnlyEachOthersVocabulary() {
        noClasses().that().resideInAPackage("io.jray.runtime.worker..").should().dependOnClassesThat()
                .resideInAPackage("io.jray.runtime.task..").check(STARTER);
        noClasses().that().resideInAPackage("io.jray.runtime.task..").should().dependOnClassesThat()
                .resideInAPackage("io.jray.runtime.worker..").check(STARTER);
    }

    @Test
    void onlyTheControlPlaneAndTheAutoConfigurationUseTheRedisClient() {
        noClasses().that().resideOutsideOfPackages("io.jray.runtime.control..", "io.jray.autoconfigure..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "org.springframework.data.redis..")
                .check(STARTER);
    }

    @Test
    void theConnectionIsReachedOnlyThroughTheControlPlane() {
        noClasses().that().resideOutsideOfPackages("io.jray.runtime.control..", "io.jray.autoconfigure")
                .should().dependOnClassesThat().resideInAPackage("io.jray.runtime.control.redis..").check(STARTER);
    }

    @Test
    void theControlPlaneKnowsNeitherTheDriverNorTheWorkerNorTheNode() {
        noClasses().that().resideInAPackage("io.jray.runtime.control..").should().dependOnClassesThat()
                .resideInAnyPackage("io.jray.runtime.task..", "io.jray.runtime.worker..", "io.jray.runtime.node..",
                        "io.jray.runtime.store..", "io.jray.runtime.function..")
                .check(STARTER);
    }

    @Test
    void theRuntimeDoesNotReachIntoTheAutoConfiguration() {
        noClasses().that().resideInAPackage("io.jray.runtime..").should().dependOnClassesThat()
                .resideInAPackage("io.jray.autoconfigure..").check(STARTER);
    }
}
