package io.energywatch.fusion.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Elasticsearch health by {@code _cluster/health} (the integ-test distribution has no {@code GET /}): DOWN when the
 * cluster does not answer or is red, so {@code /actuator/health} tells why enriched records are not searchable.
 */
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
                .withDetail("cluster", health.clusterName()).withDetail("status", status)
                .withDetail("nodes", health.numberOfNodes());
    }
}
