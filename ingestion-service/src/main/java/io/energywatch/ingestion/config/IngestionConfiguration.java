package io.energywatch.ingestion.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.energywatch.ingestion.formats.SourceParsers;

import java.time.Clock;

/** Beans shared by the ingestion features. */
@Configuration(proxyBeanMethods = false)
class IngestionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SourceParsers sourceParsers() {
        return new SourceParsers();
    }
}
