package io.energywatch.analytics;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shared libraries' package rules: analytics-core and contracts are plain Java any service, tool or benchmark can
 * use (no Spring, no Jakarta, no service-support, no service), and analytics-core's packages form no cycle.
 */
class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.energywatch.analytics", "io.energywatch.contracts");

    /** Everything that lives above the libraries: service-support, the services, the gateway, the local stack. */
    private static final String[] ABOVE = {"io.energywatch.service..", "io.energywatch.ingestion..",
            "io.energywatch.fusion..", "io.energywatch.anomaly..", "io.energywatch.prediction..",
            "io.energywatch.drift..", "io.energywatch.gateway..", "io.energywatch.local..",
            "io.energywatch.testsupport.."};

    @Test
    void analyticsCoreDependsOnNoFrameworkAndNoService() {
        noClasses().that().resideInAPackage("io.energywatch.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .because("the detectors, forecasters and evaluations run without a container (benchmarks, CLI tools)")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.energywatch.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage(ABOVE)
                .because("analytics-core is below every service").check(CLASSES);
    }

    @Test
    void contractsDependOnNoFrameworkNoServiceAndNotOnAnalytics() {
        noClasses().that().resideInAPackage("io.energywatch.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .because("the event and REST vocabulary is shared by every producer and consumer, whatever they run on")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.energywatch.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(ABOVE)
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.energywatch.contracts..")
                .should().dependOnClassesThat().resideInAPackage("io.energywatch.analytics..")
                .because("analytics-core depends on contracts, not the other way round").check(CLASSES);
    }

    @Test
    void analyticsPackagesFormNoCycle() {
        // Every package is its own slice, so anomaly and anomaly.forest may not use each other both ways either.
        slices().matching("io.energywatch.analytics.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
