package io.energywatch.service.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Elasticsearch health by {@code _cluster/health} (the integ-test distribution has no {@code GET /}): DOWN when the
 * cluster does not answer or is red, so {@code /actuator/health} tells why documents are not searchable. Register it
 * as a bean named {@code elasticsearch}.
 */
public class ElasticsearchClusterHealth extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    public ElasticsearchClusterHealth(ElasticsearchClient client) {
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
