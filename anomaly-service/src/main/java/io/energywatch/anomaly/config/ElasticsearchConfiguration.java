package io.energywatch.anomaly.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * The official Elasticsearch client built from {@code energywatch.anomaly.indices.uris} (Boot 4.1.1's Elasticsearch
 * modules are missing, as fusion-service notes). Building it opens no connection, so the service starts without it.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    Rest5Client elasticsearchRestClient(AnomalyProperties properties) {
        var indices = properties.indices();
        URI[] nodes = indices.uris().stream().map(String::trim).map(URI::create).toArray(URI[]::new);
        return Rest5Client.builder(nodes)
                .setRequestConfigCallback(request -> request
                        .setConnectionRequestTimeout(Timeout.of(indices.connectTimeout()))
                        .setResponseTimeout(Timeout.of(indices.socketTimeout())))
                .setConnectionConfigCallback(connection -> connection
                        .setConnectTimeout(Timeout.of(indices.connectTimeout()))
                        .setSocketTimeout(Timeout.of(indices.socketTimeout())))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(Rest5Client restClient) {
        return new ElasticsearchClient(new Rest5ClientTransport(restClient,
                new Jackson3JsonpMapper(JsonMapper.builder().build())));
    }
}
