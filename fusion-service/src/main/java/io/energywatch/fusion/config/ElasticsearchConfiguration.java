package io.energywatch.fusion.config;

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
        var mapper = new Jackson3JsonpMapper(JsonMapper.builder().build());
        return new ElasticsearchClient(new Rest5ClientTransport(restClient, mapper));
    }

    @Bean
    IndexNames indexNames(FusionProperties properties) {
        return new IndexNames(properties.indices().enriched(), properties.indices().daily());
    }
}
