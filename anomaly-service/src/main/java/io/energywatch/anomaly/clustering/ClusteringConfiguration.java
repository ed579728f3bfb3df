package io.energywatch.anomaly.clustering;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

/** The load profiles, filled by the detection listener and read by the clustering endpoint. */
@Configuration(proxyBeanMethods = false)
class ClusteringConfiguration {

    /** French local time: weekday and hour of the profiles are Europe/Paris ones (shared/DESIGN.md). */
    @Bean
    LoadProfiles loadProfiles() {
        return new LoadProfiles(ZoneId.of("Europe/Paris"));
    }
}
