package io.energywatch.anomaly.models;

import io.energywatch.anomaly.config.AnomalyProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The trained versions in MongoDB {@code models}, for listing without reading the registry's files. The registry stays
 * the source of truth for artifacts and aliases.
 */
@Component
class ModelCatalog {

    /** A catalog entry, keyed by model id and version. */
    record CatalogEntry(String id, TrainingResult training) {
    }

    private final MongoTemplate mongo;
    private final String collection;

    ModelCatalog(MongoTemplate mongo, AnomalyProperties properties) {
        this.mongo = mongo;
        this.collection = properties.stores().models();
    }

    void add(TrainingResult result) {
        mongo.save(new CatalogEntry(result.modelId() + ":" + result.version(), result), collection);
    }

    List<TrainingResult> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "training.trainingTo")).limit(limit),
                CatalogEntry.class, collection).stream().map(CatalogEntry::training).toList();
    }
}
