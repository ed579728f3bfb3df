package io.energywatch.service.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Elasticsearch client of every service that has the client on its classpath: the low-level client, the official
 * client on Jackson 3, and an {@code elasticsearch} health indicator by cluster health.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"co.elastic.clients.elasticsearch.ElasticsearchClient",
        "co.elastic.clients.transport.rest5_client.low_level.Rest5Client"})
@EnableConfigurationProperties(SearchProperties.class)
public class SearchAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Rest5Client elasticsearchRestClient(SearchProperties properties) {
        return ElasticsearchClients.rest(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ElasticsearchClient elasticsearchClient(Rest5Client rest) {
        return ElasticsearchClients.client(rest);
    }

    @Bean("elasticsearch")
    @ConditionalOnMissingBean(name = "elasticsearch")
    ElasticsearchClusterHealth elasticsearchHealth(ElasticsearchClient client) {
        return new ElasticsearchClusterHealth(client);
    }
}
