package io.energywatch.service.stores;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import java.util.Optional;

/**
 * MongoDB answers {@code {ping: 1}}, which both a real MongoDB and the wire-compatible server understand (Boot's own
 * check sends {@code hello}, which the wire server lacks). Bounded by the client's server selection timeout.
 */
public final class MongoPing implements StoreCheck {

    private final MongoClient client;

    public MongoPing(MongoClient client) {
        this.client = client;
    }

    @Override
    public Store store() {
        return Store.MONGODB;
    }

    @Override
    public Optional<StoreFailure> probe() {
        try {
            Document result = client.getDatabase("admin").runCommand(new Document("ping", 1));
            if (result.get("ok") instanceof Number n && n.doubleValue() == 1.0) {
                return Optional.empty();
            }
            return Optional.of(StoreFailure.unavailable(Store.MONGODB, "ping answered " + result.toJson()));
        } catch (RuntimeException e) {
            return Optional.of(StoreFailures.classify(e).filter(f -> f.store() == Store.MONGODB)
                    .orElseGet(() -> StoreFailure.unavailable(Store.MONGODB, StoreFailures.describe(e))));
        }
    }
}
