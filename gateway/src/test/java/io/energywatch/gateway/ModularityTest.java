package io.energywatch.gateway;

import io.energywatch.gateway.limits.RateLimitFilter;
import io.energywatch.gateway.web.ResponseHeadersFilter;
import io.energywatch.testsupport.ServiceModularity;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;

/**
 * The gateway's package rules ({@link ServiceModularity}), with one named exception: config's GatewayWebConfiguration
 * registers the servlet filters of limits and web, in the order the gateway needs them.
 */
class ModularityTest {

    private static final ServiceModularity RULES = new ServiceModularity("io.energywatch.gateway");
    /** GatewayWebConfiguration (filters and their order) and TomcatConfiguration (the connector), and their lambdas. */
    private static final String WIRING = "\\Q" + RULES.root() + ".config.\\E(GatewayWebConfiguration|TomcatConfiguration)(\\$.*)?";

    @Test
    void featurePackagesFormNoCycle() {
        // limits reads GatewayProperties from config, and config registers limits' filters: the registration is the
        // exception, so a feature reading config stays the only direction otherwise.
        RULES.checkFeaturePackagesFormNoCycle(rule -> rule.ignoreDependency(nameMatching(WIRING),
                resideInAnyPackage(RULES.root() + ".limits..", RULES.root() + ".web..")));
    }

    @Test
    void configUsesNoFeatureAndNoFeatureUsesTheApplicationPackage() {
        // The same exception, class by class: the filters config registers.
        RULES.checkConfigUsesNoFeature(belongToAnyOf(RateLimitFilter.class, ResponseHeadersFilter.class));
        RULES.checkNoFeatureUsesTheApplicationPackage();
    }

    @Test
    void theServiceUsesNoOtherServiceAndNoSharedLibraryUsesIt() {
        RULES.checkUsesNoOtherServiceAndNoLibraryUsesIt();
    }
}
