package io.energywatch.prediction;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The prediction service's package rules: its feature packages form no cycle but one named exception (indexing ↔
 * issuance), {@code config} (the properties every feature reads) uses no feature, no feature uses the application
 * class's package, the service uses no other service, and the shared libraries on its classpath use no service.
 */
class ModularityTest {

    private static final String ROOT = "io.energywatch.prediction";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT, "io.energywatch.service", "io.energywatch.analytics", "io.energywatch.contracts");

    @Test
    void featurePackagesFormNoCycle() {
        // Named exception: indexing's AccuracyIndex writes issuance's AccuracyRecord, while issuance's configuration
        // wires that index. Moving AccuracyIndex into issuance (its only user) is the fix; left to the prediction
        // owners, who are changing both packages.
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
                .ignoreDependency(name(ROOT + ".indexing.AccuracyIndex"), resideInAPackage(ROOT + ".issuance.."))
                .check(CLASSES);
    }

    @Test
    void configUsesNoFeatureAndNoFeatureUsesTheApplicationPackage() {
        noClasses().that().resideInAPackage(ROOT + ".config..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAnyPackage(ROOT + ".config..", ROOT))))
                .because("every feature reads config, so config using a feature would tie them all together")
                .check(CLASSES);
        noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .because("the application class only starts the service").check(CLASSES);
    }

    @Test
    void theServiceUsesNoOtherServiceAndNoSharedLibraryUsesIt() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.energywatch.ingestion..", "io.energywatch.fusion..", "io.energywatch.anomaly..",
                        "io.energywatch.drift..", "io.energywatch.gateway..", "io.energywatch.local..")
                .because("services meet on Kafka topics, stores and REST (contracts), never on each other's classes")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("io.energywatch.service..", "io.energywatch.analytics..",
                        "io.energywatch.contracts..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "..").check(CLASSES);
    }
}
