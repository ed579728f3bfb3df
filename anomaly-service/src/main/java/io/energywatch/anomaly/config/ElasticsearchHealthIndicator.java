package io.energywatch.anomaly.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Elasticsearch health by {@code _cluster/health}, since the integ-test distribution has no {@code GET /}. */
@Component("elasticsearch")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var health = client.cluster().health();
        String status = health.status().jsonValue();
        (status.equals("red") ? builder.down() : builder.up())
                .withDetail("cluster", health.clusterName()).withDetail("status", status);
    }
}
