package io.energywatch.prediction.issuance;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Accuracy records in MongoDB, the record of what forecasts were worth; {@code indexed} says whether Elasticsearch has
 * the record yet, so an Elasticsearch outage delays the dashboard view and loses nothing.
 */
public final class AccuracyStore {

    /** What the accuracy API may filter on; a null field does not filter. */
    public record Filter(@Nullable String series, @Nullable Integer horizonDays, @Nullable String algorithm,
                         @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccuracyStore.class);

    private final MongoTemplate mongo;
    private final String collection;
    private final AccuracyGauges gauges;

    public AccuracyStore(MongoTemplate mongo, String collection) {
        this(mongo, collection, AccuracyGauges.NONE);
    }

    /** {@code gauges}: the realised MAPE per lead of what each {@link #saveAll} wrote. */
    AccuracyStore(MongoTemplate mongo, String collection, AccuracyGauges gauges) {
        this.mongo = mongo;
        this.collection = collection;
        this.gauges = gauges;
    }

    /** Query indexes; only a speed-up, so a MongoDB down at start-up is no reason to stop. */
    public void createIndexes() {
        try {
            var ops = mongo.indexOps(collection);
            ops.createIndex(new Index().on("indexed", Sort.Direction.ASC));
            ops.createIndex(new Index().on("series", Sort.Direction.ASC).on("horizonDays", Sort.Direction.ASC)
                    .on("targetDate", Sort.Direction.ASC));
        } catch (RuntimeException e) {
            log.warn("Accuracy indexes not created ({}); queries work without them, only slower", e.toString());
        }
    }

    /** Writes the records, each under its id: a record scored again replaces itself and is indexed again. */
    public void saveAll(Collection<AccuracyRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (AccuracyRecord r : records) {
            var update = new Update().set("forecastId", r.forecastId()).set("series", r.series())
                    .set("modelId", r.modelId()).set("modelVersion", r.modelVersion())
                    .set("algorithm", r.algorithm()).set("horizonDays", r.horizonDays())
                    .set("leadDays", r.leadDays()).set("baseDay", r.baseDay().toString())
                    .set("targetDate", r.targetDate().toString()).set("forecastMwh", r.forecastMwh())
                    .set("actualMwh", r.actualMwh()).set("errorMwh", r.errorMwh())
                    .set("absErrorMwh", r.absErrorMwh()).set("percentError", r.percentError())
                    .set("inside80", r.inside80()).set("inside95", r.inside95())
                    .set("weatherBasis", r.weatherBasis().name()).set("indexed", false);
            bulk.upsert(Query.query(Criteria.where("_id").is(r.id())), update);
        }
        bulk.execute();
        gauges.scored(records);
    }

    public List<AccuracyRecord> find(Filter filter) {
        var criteria = new Criteria();
        if (filter.series() != null) {
            criteria.and("series").is(filter.series());
        }
        if (filter.horizonDays() != null) {
            criteria.and("horizonDays").is(filter.horizonDays());
        }
        if (filter.algorithm() != null) {
            criteria.and("algorithm").is(filter.algorithm());
        }
        if (filter.from() != null && filter.to() != null) {
            criteria.and("targetDate").gte(filter.from().toString()).lte(filter.to().toString());
        } else if (filter.from() != null) {
            criteria.and("targetDate").gte(filter.from().toString());
        } else if (filter.to() != null) {
            criteria.and("targetDate").lte(filter.to().toString());
        }
        return records(Query.query(criteria).with(Sort.by("_id")));
    }

    /** The last target day scored among the records the filter selects (its days ignored). */
    public Optional<LocalDate> lastTargetDate(Filter filter) {
        var criteria = new Criteria();
        if (filter.series() != null) {
            criteria.and("series").is(filter.series());
        }
        if (filter.horizonDays() != null) {
            criteria.and("horizonDays").is(filter.horizonDays());
        }
        if (filter.algorithm() != null) {
            criteria.and("algorithm").is(filter.algorithm());
        }
        return records(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "targetDate")).limit(1)).stream()
                .findFirst().map(AccuracyRecord::targetDate);
    }

    /** Up to {@code limit} records Elasticsearch does not have yet. */
    public List<AccuracyRecord> unindexed(int limit) {
        return records(Query.query(Criteria.where("indexed").is(false)).with(Sort.by("_id")).limit(limit));
    }

    public void markIndexed(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), Update.update("indexed", true), collection);
        }
    }

    private List<AccuracyRecord> records(Query query) {
        var out = new ArrayList<AccuracyRecord>();
        for (Document d : mongo.find(query, Document.class, collection)) {
            Number percent = (Number) d.get("percentError");
            out.add(new AccuracyRecord(d.getString("_id"), d.getString("forecastId"), d.getString("series"),
                    d.getString("modelId"), d.getString("modelVersion"), d.getString("algorithm"),
                    d.getInteger("horizonDays"), d.getInteger("leadDays"), LocalDate.parse(d.getString("baseDay")),
                    LocalDate.parse(d.getString("targetDate")), number(d, "forecastMwh"), number(d, "actualMwh"),
                    number(d, "errorMwh"), number(d, "absErrorMwh"), percent == null ? null : percent.doubleValue(),
                    d.getBoolean("inside80"), d.getBoolean("inside95"),
                    WeatherBasis.valueOf(d.getString("weatherBasis"))));
        }
        return out;
    }

    private static double number(Document d, String field) {
        return ((Number) d.get(field)).doubleValue();
    }
}
