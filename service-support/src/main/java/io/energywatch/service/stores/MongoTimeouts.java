package io.energywatch.service.stores;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

import java.util.concurrent.TimeUnit;

/**
 * The MongoDB client's timeouts from {@link StoreAccessProperties}. Applied before Boot applies the connection string,
 * so timeouts written in {@code MONGODB_URI} ({@code serverSelectionTimeoutMS=...}) still win.
 */
final class MongoTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final StoreAccessProperties.Mongodb mongodb;

    MongoTimeouts(StoreAccessProperties.Mongodb mongodb) {
        this.mongodb = mongodb;
    }

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        mongodb.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(Math.toIntExact(mongodb.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(mongodb.readTimeout().toMillis()), TimeUnit.MILLISECONDS));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
