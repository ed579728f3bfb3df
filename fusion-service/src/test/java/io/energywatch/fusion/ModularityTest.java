package io.energywatch.fusion;

import io.energywatch.testsupport.ServiceModularity;
import org.junit.jupiter.api.Test;

/**
 * The fusion service's package rules ({@link ServiceModularity}), without exception.
 */
class ModularityTest {

    private static final ServiceModularity RULES = new ServiceModularity("io.energywatch.fusion");

    @Test
    void featurePackagesFormNoCycle() {
        RULES.checkFeaturePackagesFormNoCycle();
    }

    @Test
    void configUsesNoFeatureAndNoFeatureUsesTheApplicationPackage() {
        RULES.checkConfigUsesNoFeature();
        RULES.checkNoFeatureUsesTheApplicationPackage();
    }

    @Test
    void theServiceUsesNoOtherServiceAndNoSharedLibraryUsesIt() {
        RULES.checkUsesNoOtherServiceAndNoLibraryUsesIt();
    }
}
