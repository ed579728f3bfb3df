package io.energywatch.fusion.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The index names fusion writes to. The Elasticsearch client itself comes from service-support
 * ({@code SearchAutoConfiguration}, {@code spring.elasticsearch.*}).
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean
    IndexNames indexNames(FusionProperties properties) {
        return new IndexNames(properties.indices().enriched(), properties.indices().daily());
    }
}
