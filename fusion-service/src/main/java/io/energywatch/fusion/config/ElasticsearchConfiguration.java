package io.energywatch.fusion.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.energywatch.service.search.ElasticsearchClients;
import io.energywatch.service.search.ElasticsearchClusterHealth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * The official Elasticsearch client, built here from {@code spring.elasticsearch.uris}: Boot 4.1.1's own Elasticsearch
 * modules are missing from Maven Central and the 4.0.x ones are built against another Boot. Documents go through
 * Jackson 3 (ISO dates, records), the same library as the events. Building the client opens no connection, so the
 * service starts with Elasticsearch down.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    Rest5Client elasticsearchRestClient(FusionProperties properties) {
        var indices = properties.indices();
        return ElasticsearchClients.rest(indices.uris(), indices.connectTimeout(), indices.socketTimeout());
    }

    @Bean
    ElasticsearchClient elasticsearchClient(Rest5Client restClient) {
        return ElasticsearchClients.client(restClient);
    }

    @Bean("elasticsearch")
    ElasticsearchClusterHealth elasticsearchHealth(ElasticsearchClient client) {
        return new ElasticsearchClusterHealth(client);
    }

    @Bean
    IndexNames indexNames(FusionProperties properties) {
        return new IndexNames(properties.indices().enriched(), properties.indices().daily());
    }
}
