package io.energywatch.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;

import java.util.List;
import java.util.function.UnaryOperator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules every service keeps, checked by its {@code ModularityTest}: its feature packages form no cycle,
 * {@code config} (the properties every feature reads) uses no feature, no feature uses the application class's
 * package, the service uses no other service, and the shared libraries on its classpath use no service. A service's
 * named exceptions are passed in, each with the comment saying why where it is passed.
 */
public final class ServiceModularity {

    private static final List<String> SERVICES = List.of("ingestion", "fusion", "anomaly", "prediction", "drift",
            "gateway", "local");
    private static final String[] LIBRARIES = {"io.energywatch.service..", "io.energywatch.analytics..",
            "io.energywatch.contracts.."};

    private final String root;
    private final JavaClasses classes;

    /** @param root the service's base package, e.g. {@code io.energywatch.drift} */
    public ServiceModularity(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root, "io.energywatch.service", "io.energywatch.analytics",
                        "io.energywatch.contracts");
    }

    public String root() {
        return root;
    }

    public void checkFeaturePackagesFormNoCycle() {
        checkFeaturePackagesFormNoCycle(UnaryOperator.identity());
    }

    /** @param exceptions adds the service's named exceptions ({@code ignoreDependency}) to the rule */
    public void checkFeaturePackagesFormNoCycle(UnaryOperator<SliceRule> exceptions) {
        exceptions.apply(slices().matching(root + ".(**)").should().beFreeOfCycles()).check(classes);
    }

    public void checkConfigUsesNoFeature() {
        checkConfigUsesNoFeature(DescribedPredicate.alwaysFalse());
    }

    /** @param allowed the feature classes config may use, the service's named exceptions */
    public void checkConfigUsesNoFeature(DescribedPredicate<? super JavaClass> allowed) {
        noClasses().that().resideInAPackage(root + ".config..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(not(resideInAnyPackage(root + ".config..", root)))
                        .and(not(allowed)))
                .because("every feature reads config, so config using a feature would tie them all together")
                .check(classes);
    }

    public void checkNoFeatureUsesTheApplicationPackage() {
        noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root)
                .should().dependOnClassesThat().resideInAPackage(root)
                .because("the application class only starts the service").check(classes);
    }

    public void checkUsesNoOtherServiceAndNoLibraryUsesIt() {
        String[] others = SERVICES.stream().map(s -> "io.energywatch." + s)
                .filter(other -> !other.equals(root)).map(other -> other + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services meet on Kafka topics, stores and REST (contracts), never on each other's classes")
                .check(classes);
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAPackage(root + "..").check(classes);
    }
}
