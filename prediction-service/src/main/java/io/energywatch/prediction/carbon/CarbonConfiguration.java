package io.energywatch.prediction.carbon;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.energywatch.prediction.config.PredictionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CarbonConfiguration {

    @Bean
    CarbonReports carbonReports(ElasticsearchClient client, PredictionProperties properties) {
        return new CarbonReports(client, properties.indices().modelRuns(), properties.zone(),
                properties.carbon().maxGroups());
    }
}
