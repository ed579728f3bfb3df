package io.energywatch.anomaly.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.energywatch.service.search.ElasticsearchClients;
import io.energywatch.service.search.ElasticsearchClusterHealth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * The official Elasticsearch client built from {@code energywatch.anomaly.indices.uris} (Boot 4.1.1's Elasticsearch
 * modules are missing, as fusion-service notes). Building it opens no connection, so the service starts without it.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    Rest5Client elasticsearchRestClient(AnomalyProperties properties) {
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
}
