package io.energywatch.service.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.energywatch.service.stores.Store;
import io.energywatch.service.stores.StoreUnavailableException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.io.IOException;

/**
 * Elasticsearch health by {@code _cluster/health} (the integ-test distribution has no {@code GET /}): DOWN when the
 * cluster does not answer within the client's timeouts (with an {@code error} detail saying why) or is red, so
 * {@code /actuator/health} tells why documents are not searchable. Register it as a bean named {@code elasticsearch}.
 */
public class ElasticsearchClusterHealth extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    public ElasticsearchClusterHealth(ElasticsearchClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("store", Store.ELASTICSEARCH.id());
        HealthResponse health;
        try {
            health = client.cluster().health();
        } catch (IOException | RuntimeException e) {
            builder.down().withDetail("error", StoreUnavailableException.of(Store.ELASTICSEARCH, e).failure().summary());
            return;
        }
        String status = health.status().jsonValue();
        (status.equals("red") ? builder.down() : builder.up())
                .withDetail("cluster", health.clusterName()).withDetail("status", status)
                .withDetail("nodes", health.numberOfNodes());
    }
}
