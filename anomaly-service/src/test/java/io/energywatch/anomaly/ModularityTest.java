package io.energywatch.anomaly;

import io.energywatch.testsupport.ServiceModularity;
import org.junit.jupiter.api.Test;

/**
 * The anomaly service's package rules ({@link ServiceModularity}), without exception.
 */
class ModularityTest {

    private static final ServiceModularity RULES = new ServiceModularity("io.energywatch.anomaly");

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
