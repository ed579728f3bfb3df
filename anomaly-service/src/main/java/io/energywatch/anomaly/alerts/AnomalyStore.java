package io.energywatch.anomaly.alerts;

import io.energywatch.anomaly.config.AnomalyProperties;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.TimeWindow;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Anomalies and feedback in MongoDB. Inserts are insert-if-absent by the deterministic anomaly id: a redelivered
 * anomaly changes nothing, in particular not a status an operator already set.
 */
@Component
public class AnomalyStore {

    private static final Logger log = LoggerFactory.getLogger(AnomalyStore.class);

    private final MongoTemplate mongo;
    private final String anomalies;
    private final String feedback;

    AnomalyStore(MongoTemplate mongo, AnomalyProperties properties) {
        this.mongo = mongo;
        this.anomalies = properties.stores().anomalies();
        this.feedback = properties.stores().feedback();
    }

    /** Query indexes; only a speed-up (the unique key is {@code _id}), so a MongoDB still down at start-up is no reason to stop. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        try {
            var ops = mongo.indexOps(anomalies);
            ops.createIndex(new Index().on("seriesId", Sort.Direction.ASC).on("intervalStart", Sort.Direction.ASC));
            ops.createIndex(new Index().on("intervalStart", Sort.Direction.DESC));
            ops.createIndex(new Index().on("detectedAt", Sort.Direction.DESC));
            mongo.indexOps(feedback).createIndex(new Index().on("anomalyId", Sort.Direction.ASC));
        } catch (RuntimeException e) {
            log.warn("Anomaly query indexes not created ({}); queries work without them, only slower", e.toString());
        }
    }

    /** Stores the anomalies not stored yet; returns how many were new. */
    public int insertIfAbsent(List<AnomalyDocument> documents) {
        int inserted = 0;
        for (AnomalyDocument d : documents) {
            try {
                mongo.insert(d, anomalies);
                inserted++;
            } catch (DuplicateKeyException alreadyStored) {
                // the same anomaly from a redelivered batch: what is stored (and its status) stays
            }
        }
        return inserted;
    }

    public Optional<AnomalyDocument> find(String anomalyId) {
        return Optional.ofNullable(mongo.findById(anomalyId, AnomalyDocument.class, anomalies));
    }

    /**
     * A page of the anomalies the filter selects; with {@code latest}, of only the {@code latest} most recent of them
     * (time order), so the total is at most {@code latest}.
     */
    PageResponse<AnomalyDocument> find(AnomalyFilter filter, int page, int size, String sortBy,
                                       @Nullable Integer latest) {
        Query query = new Query(criteria(filter));
        long total = mongo.count(query, AnomalyDocument.class, anomalies);
        long skip = (long) page * size;
        int limit = size;
        if (latest != null) {
            total = Math.min(total, latest);
            limit = (int) Math.max(0, Math.min(size, latest - skip));
            if (limit == 0) {
                return new PageResponse<>(List.of(), page, size, total);
            }
        }
        Sort sort = "score".equals(sortBy)
                ? Sort.by(Sort.Order.desc("score"), Sort.Order.desc("intervalStart"))
                : Sort.by(Sort.Order.desc("intervalStart"), Sort.Order.asc("seriesId"));
        List<AnomalyDocument> content = mongo.find(query.with(sort).skip(skip).limit(limit),
                AnomalyDocument.class, anomalies);
        return new PageResponse<>(content, page, size, total);
    }

    /** The end of the latest anomaly the filter selects: where an {@code hours=} window ends. */
    Optional<Instant> lastEnd(AnomalyFilter filter) {
        Query query = new Query(criteria(filter)).with(Sort.by(Sort.Order.desc("intervalStart"))).limit(1);
        return Optional.ofNullable(mongo.findOne(query, AnomalyDocument.class, anomalies))
                .map(AnomalyDocument::intervalEnd);
    }

    private static Criteria criteria(AnomalyFilter f) {
        List<Criteria> parts = new ArrayList<>();
        if (f.series() != null) {
            parts.add(Criteria.where("seriesId").is(f.series()));
        }
        if (f.region() != null) {
            parts.add(Criteria.where("region").is(f.region()));
        }
        if (f.severity() != null) {
            parts.add(Criteria.where("severity").is(f.severity().name()));
        }
        if (f.status() != null) {
            parts.add(Criteria.where("status").is(f.status().name()));
        }
        if (f.type() != null) {
            parts.add(Criteria.where("type").is(f.type().name()));
        }
        if (f.from() != null) {
            parts.add(Criteria.where("intervalStart").gte(f.from()));
        }
        if (f.to() != null) {
            parts.add(Criteria.where("intervalStart").lt(f.to()));
        }
        if (f.detectedFrom() != null) {
            parts.add(Criteria.where("detectedAt").gte(f.detectedFrom()));
        }
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts.toArray(Criteria[]::new));
    }

    /** Records the verdict and sets the anomaly's status; returns the updated anomaly. */
    AnomalyDocument applyVerdict(AnomalyDocument anomaly, Feedback verdict) {
        mongo.insert(verdict, feedback);
        return setStatus(anomaly, verdict.verdict().status(), verdict.createdAt(), verdict.author());
    }

    /** An operator has seen it: the status, when and by whom; the anomaly stays out of the models' feedback. */
    AnomalyDocument acknowledge(AnomalyDocument anomaly, Instant at, String by) {
        return setStatus(anomaly, AnomalyStatus.ACKNOWLEDGED, at, by);
    }

    private AnomalyDocument setStatus(AnomalyDocument anomaly, AnomalyStatus status, Instant at, String by) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(anomaly.anomalyId())),
                new Update().set("status", status.name()).set("statusChangedAt", at).set("statusChangedBy", by),
                anomalies);
        return anomaly.withStatus(status, at, by);
    }

    /** Ids of the anomalies of these series confirmed by an operator within [from, to). */
    public Set<String> confirmedAnomalyIds(Set<String> seriesIds, Instant from, Instant to) {
        Query q = Query.query(Criteria.where("status").is(AnomalyStatus.CONFIRMED.name()).and("seriesId").in(seriesIds)
                .and("intervalStart").gte(from).lt(to));
        q.fields().include("_id");
        return mongo.find(q, Document.class, anomalies).stream().map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
    }

    /** Verdicts on the anomalies of one model version, by status: the feedback the next version learns from. */
    public Map<AnomalyStatus, Long> verdicts(String modelId, String modelVersion) {
        Query q = Query.query(Criteria.where("modelId").is(modelId).and("modelVersion").is(modelVersion)
                .and("status").in(AnomalyStatus.CONFIRMED.name(), AnomalyStatus.FALSE_POSITIVE.name()));
        q.fields().include("status");
        Map<AnomalyStatus, Long> counts = new TreeMap<>();
        mongo.find(q, Document.class, anomalies)
                .forEach(d -> counts.merge(AnomalyStatus.valueOf(d.getString("status")), 1L, Long::sum));
        return counts;
    }

    /** The statistics of the anomalies starting in the window. */
    AnomalyStats stats(TimeWindow window) {
        Criteria inWindow = criteria(new AnomalyFilter(null, null, null, null, null, window.from(), window.to(), null));
        Map<String, Long> bySeverity = zeros(Severity.values());
        bySeverity.putAll(countBy("severity", inWindow));
        Map<String, Long> byType = zeros(AnomalyType.values());
        byType.putAll(countBy("type", inWindow));
        Map<String, Long> byStatus = zeros(AnomalyStatus.values());
        byStatus.putAll(countBy("status", inWindow));
        Map<String, Long> byRegion = new TreeMap<>(countBy("region", inWindow));
        long total = bySeverity.values().stream().mapToLong(Long::longValue).sum();

        var costs = mongo.aggregate(Aggregation.newAggregation(
                Aggregation.match(new Criteria().andOperator(inWindow, Criteria.where("status").in(
                        AnomalyStatus.OPEN.name(), AnomalyStatus.ACKNOWLEDGED.name(), AnomalyStatus.CONFIRMED.name()))),
                Aggregation.group().sum("costImpactEur").as("eur")), anomalies, Document.class).getUniqueMappedResult();
        double cost = costs == null || costs.get("eur") == null ? 0 : ((Number) costs.get("eur")).doubleValue();

        Query reviewed = Query.query(new Criteria().andOperator(inWindow, Criteria.where("status").in(
                AnomalyStatus.CONFIRMED.name(), AnomalyStatus.FALSE_POSITIVE.name())));
        reviewed.fields().include("modelId").include("modelVersion").include("status");
        Map<List<String>, long[]> perModel = new TreeMap<>((a, b) -> String.join("\u0000", a)
                .compareTo(String.join("\u0000", b)));
        for (Document d : mongo.find(reviewed, Document.class, anomalies)) {
            long[] c = perModel.computeIfAbsent(List.of(d.getString("modelId"), d.getString("modelVersion")),
                    k -> new long[2]);
            c[AnomalyStatus.CONFIRMED.name().equals(d.getString("status")) ? 0 : 1]++;
        }
        List<AnomalyStats.ModelPrecision> precision = perModel.entrySet().stream()
                .map(e -> new AnomalyStats.ModelPrecision(e.getKey().get(0), e.getKey().get(1), e.getValue()[0],
                        e.getValue()[1], precision(e.getValue()[0], e.getValue()[1])))
                .toList();
        return new AnomalyStats(window, total, bySeverity, byRegion, byType, byStatus,
                Math.round(cost * 100) / 100.0, precision);
    }

    static Double precision(long confirmed, long falsePositives) {
        return confirmed + falsePositives == 0 ? null : confirmed / (double) (confirmed + falsePositives);
    }

    private Map<String, Long> countBy(String field, Criteria match) {
        Map<String, Long> counts = new LinkedHashMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.match(match), Aggregation.group(field).count().as("n")),
                anomalies,
                Document.class).forEach(d -> {
                    Object key = d.get("_id");
                    counts.put(key == null ? null : key.toString(), ((Number) d.get("n")).longValue());
                });
        return counts;
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            m.put(v.name(), 0L);
        }
        return m;
    }
}
