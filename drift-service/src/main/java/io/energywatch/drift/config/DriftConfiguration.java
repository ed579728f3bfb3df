package io.energywatch.drift.config;

import io.energywatch.analytics.drift.DriftAnalyzer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The plain analytics objects and clients the features share. Elasticsearch is reached through the low-level client
 * built from {@code spring.elasticsearch.uris} (Boot 4.1.1's own Elasticsearch modules are missing, as in the fusion
 * service); building it opens no connection, so the service starts with Elasticsearch down.
 */
@Configuration(proxyBeanMethods = false)
class DriftConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DriftAnalyzer driftAnalyzer(DriftProperties properties) {
        return new DriftAnalyzer(properties.analyzerSettings());
    }
}
