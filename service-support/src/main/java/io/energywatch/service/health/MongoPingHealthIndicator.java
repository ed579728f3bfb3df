package io.energywatch.service.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB health by {@code {ping: 1}}, which both a real MongoDB and the wire-compatible test server answer (Boot's own
 * indicator sends {@code hello}, which the wire server lacks, and would report DOWN against a working store).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    public MongoPingHealthIndicator(MongoClient client) {
        super("MongoDB health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = client.getDatabase("admin").runCommand(new Document("ping", 1));
        if (result.get("ok") instanceof Number n && n.doubleValue() == 1.0) {
            builder.up().withDetail("ping", "ok");
        } else {
            builder.down().withDetail("ping", result.toJson());
        }
    }
}
