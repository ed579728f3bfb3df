package io.energywatch.prediction.indexing;

import io.energywatch.contracts.GridCarbonIntensityMeasured;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid's measured carbon intensity per area and hour, as ingestion published it: one MongoDB document per area and
 * hour ({@code _id} {@code <area>|<hour start>}), holding the most final publication (definitive over consolidated over
 * real-time; among equals, the latest received). Look-ups are by {@code _id}.
 */
public class GridIntensities {

    private final MongoTemplate mongo;
    private final String collection;

    public GridIntensities(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * Keeps each hour's most final value and returns the hours it now holds a value of this batch for, with that
     * intensity, so runs already priced otherwise can be priced again (all of them, not only changed values: a batch
     * delivered again after the re-pricing failed must re-price again).
     */
    public Map<Key, Double> save(List<GridCarbonIntensityMeasured> measured) {
        Map<String, GridCarbonIntensityMeasured> newest = new LinkedHashMap<>();
        for (var m : measured) {
            newest.merge(id(m.area(), m.hourStart()), m, (a, b) -> finalFirst(b, a));
        }
        if (newest.isEmpty()) {
            return Map.of();
        }
        Map<String, Document> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(newest.keySet())), Document.class, collection)
                .forEach(d -> stored.put(d.getString("_id"), d));
        Map<Key, Double> changed = new LinkedHashMap<>();
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (var e : newest.entrySet()) {
            var m = e.getValue();
            Document old = stored.get(e.getKey());
            if (old != null && old.getInteger("rank", Integer.MAX_VALUE) < rank(m)) {
                continue; // a more final value of this hour is already kept
            }
            bulk.upsert(Query.query(Criteria.where("_id").is(e.getKey())), new Update().set("area", m.area())
                    .set("hourStart", Date.from(m.hourStart())).set("intensityGPerKwh", m.intensityGPerKwh())
                    .set("samples", m.samples()).set("quality", m.quality().name()).set("rank", rank(m))
                    .set("source", m.source()));
            changed.put(new Key(m.area(), m.hourStart()), m.intensityGPerKwh());
        }
        if (!changed.isEmpty()) {
            bulk.execute(); // an empty bulk is refused by the driver
        }
        return changed;
    }

    /** The intensity of each of {@code hours} of {@code area} that is known. */
    public Map<Instant, Double> of(String area, Collection<Instant> hours) {
        if (hours.isEmpty()) {
            return Map.of();
        }
        var ids = hours.stream().distinct().map(h -> id(area, h)).toList();
        Map<Instant, Double> known = new HashMap<>();
        for (Document d : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection)) {
            known.put(d.getDate("hourStart").toInstant(), d.get("intensityGPerKwh", Number.class).doubleValue());
        }
        return known;
    }

    /** An area and an hour's start. */
    public record Key(String area, Instant hourStart) {
    }

    private static String id(String area, Instant hourStart) {
        return area + "|" + hourStart;
    }

    /** QualityStatus runs from the most final down: its ordinal is the rank, lower wins. */
    private static int rank(GridCarbonIntensityMeasured m) {
        return m.quality().ordinal();
    }

    private static GridCarbonIntensityMeasured finalFirst(GridCarbonIntensityMeasured later,
                                                         GridCarbonIntensityMeasured earlier) {
        return rank(later) <= rank(earlier) ? later : earlier;
    }
}
