package io.energywatch.ingestion;

import io.energywatch.ingestion.formats.IngestionKind;
import io.energywatch.ingestion.formats.SourceParsers;
import io.energywatch.testsupport.ServiceModularity;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;

/**
 * The ingestion service's package rules ({@link ServiceModularity}), with two named exceptions: config uses formats'
 * IngestionKind and SourceParsers.
 */
class ModularityTest {

    private static final ServiceModularity RULES = new ServiceModularity("io.energywatch.ingestion");

    @Test
    void featurePackagesFormNoCycle() {
        RULES.checkFeaturePackagesFormNoCycle();
    }

    @Test
    void configUsesNoFeatureAndNoFeatureUsesTheApplicationPackage() {
        // Exceptions, both on formats (the leaf every other feature reads): a poller's configuration names the
        // IngestionKind it fetches, so the properties record must know the kinds; and config publishes the one
        // SourceParsers bean the upload, poller and simulation features share.
        RULES.checkConfigUsesNoFeature(belongToAnyOf(IngestionKind.class, SourceParsers.class));
        RULES.checkNoFeatureUsesTheApplicationPackage();
    }

    @Test
    void theServiceUsesNoOtherServiceAndNoSharedLibraryUsesIt() {
        RULES.checkUsesNoOtherServiceAndNoLibraryUsesIt();
    }
}
