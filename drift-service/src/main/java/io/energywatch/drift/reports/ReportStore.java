package io.energywatch.drift.reports;

import io.energywatch.contracts.DriftStatus;
import io.energywatch.drift.config.DriftProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drift reports in MongoDB: the record of truth; Elasticsearch holds a searchable copy. */
@Component
public class ReportStore {

    private final MongoTemplate mongo;
    private final String collection;

    ReportStore(MongoTemplate mongo, DriftProperties properties) {
        this.mongo = mongo;
        this.collection = properties.store().collection();
        mongo.indexOps(collection).createIndex(new Index().on("modelId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC));
    }

    public DriftReport insert(DriftReport report) {
        return mongo.insert(report, collection);
    }

    public Optional<DriftReport> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DriftReport.class, collection));
    }

    public void markPublished(String id) {
        mongo.updateFirst(byId(id), new Update().set("eventPublished", true), DriftReport.class, collection);
    }

    public void markIndexed(String id) {
        mongo.updateFirst(byId(id), new Update().set("indexed", true), DriftReport.class, collection);
    }

    /** Links a retraining to its report; the same announcement read twice is kept once. Returns whether found. */
    public boolean addRetraining(String reportId, Retraining retraining) {
        return mongo.updateFirst(byId(reportId), new Update().addToSet("retrainings", retraining), DriftReport.class,
                collection).getMatchedCount() > 0;
    }

    /** Reports written while Kafka or Elasticsearch did not acknowledge them. */
    public List<DriftReport> pending(int limit) {
        var query = new Query(new Criteria().orOperator(Criteria.where("indexed").is(false),
                Criteria.where("eventPublished").is(false).and("overallStatus")
                        .in(DriftStatus.MODERATE, DriftStatus.SIGNIFICANT)))
                .with(Sort.by("createdAt")).limit(limit);
        return mongo.find(query, DriftReport.class, collection);
    }

    /** Filters of the report list; null means any. */
    public record Filter(@Nullable String modelId, @Nullable DriftStatus status, @Nullable Instant from,
                         @Nullable Instant to) {
    }

    public List<DriftReport> page(Filter filter, int page, int size) {
        var query = query(filter).with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size)
                .limit(size);
        return mongo.find(query, DriftReport.class, collection);
    }

    public long count(Filter filter) {
        return mongo.count(query(filter), DriftReport.class, collection);
    }

    public List<String> modelIds() {
        return mongo.findDistinct(new Query(), "modelId", collection, String.class);
    }

    /** The model's latest report among those the filter selects. */
    public Optional<DriftReport> latest(String modelId, Filter filter) {
        Query query = query(new Filter(modelId, filter.status(), filter.from(), filter.to()));
        return Optional.ofNullable(mongo.findOne(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1),
                DriftReport.class, collection));
    }

    /** When the newest report was created: where an {@code hours=} window of the summary ends. */
    public Optional<Instant> newestCreatedAt() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1),
                DriftReport.class, collection)).map(DriftReport::createdAt);
    }

    public Optional<DriftReport> latest(String modelId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("modelId").is(modelId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1), DriftReport.class, collection));
    }

    /** The window end of the model version's latest run of this trigger: where its next run starts counting. */
    public Optional<Instant> lastWindowTo(String modelId, String version, DriftReport.Trigger trigger) {
        var query = Query.query(Criteria.where("modelId").is(modelId).and("modelVersion").is(version)
                .and("trigger").is(trigger)).with(Sort.by(Sort.Direction.DESC, "windowTo")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, DriftReport.class, collection)).map(DriftReport::windowTo);
    }

    /**
     * Reports of runs over enriched data whose window ends in (from, to], oldest window first, at most {@code limit}
     * (uploads have no data time and are left out).
     */
    public List<DriftReport> windowsEndingIn(Instant from, Instant to, int limit) {
        var query = Query.query(Criteria.where("windowTo").gt(from).lte(to).and("trigger")
                .ne(DriftReport.Trigger.UPLOAD)).with(Sort.by("windowTo", "createdAt")).limit(limit);
        return mongo.find(query, DriftReport.class, collection);
    }

    private static Query query(Filter filter) {
        var criteria = new ArrayList<Criteria>();
        if (filter.modelId() != null) {
            criteria.add(Criteria.where("modelId").is(filter.modelId()));
        }
        if (filter.status() != null) {
            criteria.add(Criteria.where("overallStatus").is(filter.status()));
        }
        if (filter.from() != null) {
            criteria.add(Criteria.where("createdAt").gte(filter.from()));
        }
        if (filter.to() != null) {
            criteria.add(Criteria.where("createdAt").lt(filter.to()));
        }
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
