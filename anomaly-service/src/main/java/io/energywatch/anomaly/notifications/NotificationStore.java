package io.energywatch.anomaly.notifications;

import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.TimeWindow;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The notification outbox in MongoDB: inserted once per id, claimed and updated by the dispatcher. */
class NotificationStore {

    private static final Logger log = LoggerFactory.getLogger(NotificationStore.class);
    private static final List<String> AWAITING = List.of(DeliveryStatus.PENDING.name(), DeliveryStatus.RETRYING.name());

    private final MongoTemplate mongo;
    private final String collection;

    NotificationStore(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** Query indexes; only a speed-up, so a MongoDB down at start-up is no reason to stop. */
    void createIndexes() {
        try {
            var ops = mongo.indexOps(collection);
            ops.createIndex(new Index().on("ruleId", Sort.Direction.ASC).on("sourceId", Sort.Direction.ASC));
            ops.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
            ops.createIndex(new Index().on("createdAt", Sort.Direction.DESC));
        } catch (RuntimeException e) {
            log.warn("Notification indexes not created ({}); the outbox works without them, only slower", e.toString());
        }
    }

    /** Stores the notifications not stored yet; returns how many were new. */
    int insertIfAbsent(List<Notification> notifications) {
        int inserted = 0;
        for (Notification n : notifications) {
            try {
                mongo.insert(n, collection);
                inserted++;
            } catch (DuplicateKeyException alreadyStored) {
                // the same event read again: the stored notification and its delivery state stay
            }
        }
        return inserted;
    }

    /** Whether a rule already produced notifications (sent, pending or suppressed) for an anomaly or report. */
    boolean existsFor(String ruleId, String sourceId) {
        return mongo.exists(Query.query(Criteria.where("ruleId").is(ruleId).and("sourceId").is(sourceId)), collection);
    }

    List<Notification> due(Instant now, int limit) {
        Query q = Query.query(Criteria.where("status").in(AWAITING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(limit);
        return mongo.find(q, Notification.class, collection);
    }

    /**
     * Takes a due notification for one attempt: atomically moves its next attempt to {@code until}, so another
     * dispatcher skips it meanwhile, and a dispatcher that dies mid-send leaves it due again after {@code until}.
     */
    boolean claim(String id, Instant now, Instant until) {
        Query q = Query.query(Criteria.where("_id").is(id).and("status").in(AWAITING).and("nextAttemptAt").lte(now));
        return mongo.findAndModify(q, new Update().set("nextAttemptAt", until).set("updatedAt", now),
                FindAndModifyOptions.options().returnNew(true), Notification.class, collection) != null;
    }

    void markSent(String id, int attempts, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("status", DeliveryStatus.SENT.name()).set("attempts", attempts).set("sentAt", at)
                .set("updatedAt", at), collection);
    }

    void markFailed(String id, int attempts, DeliveryStatus status, Instant nextAttemptAt, String error, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("status", status.name()).set("attempts", attempts).set("nextAttemptAt", nextAttemptAt)
                .set("lastError", error).set("updatedAt", at), collection);
    }

    PageResponse<Notification> find(@Nullable DeliveryStatus status, @Nullable String ruleId, int page, int size) {
        List<Criteria> parts = new ArrayList<>();
        if (status != null) {
            parts.add(Criteria.where("status").is(status.name()));
        }
        if (ruleId != null) {
            parts.add(Criteria.where("ruleId").is(ruleId));
        }
        Query q = new Query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts.toArray(Criteria[]::new)));
        long total = mongo.count(q, Notification.class, collection);
        List<Notification> content = mongo.find(q.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size), Notification.class, collection);
        return new PageResponse<>(content, page, size, total);
    }

    /** When the newest notification was created: where an {@code hours=} window of the stats ends. */
    Optional<Instant> newest() {
        Query q = new Query().with(Sort.by(Sort.Order.desc("createdAt"))).limit(1);
        return Optional.ofNullable(mongo.findOne(q, Notification.class, collection)).map(Notification::createdAt);
    }

    NotificationStats stats(Instant now) {
        return stats(now, TimeWindow.all());
    }

    /** Counts by channel and status of the notifications created in the window; due and held as of now. */
    NotificationStats stats(Instant now, TimeWindow window) {
        Map<Channel, Map<DeliveryStatus, Long>> byChannel = new EnumMap<>(Channel.class);
        Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
        for (Channel c : Channel.values()) {
            Map<DeliveryStatus, Long> zeros = new EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus s : DeliveryStatus.values()) {
                zeros.put(s, 0L);
                byStatus.put(s, 0L);
            }
            byChannel.put(c, zeros);
        }
        long total = 0;
        Criteria created = new Criteria();
        if (window.from() != null || window.to() != null) {
            created = Criteria.where("createdAt");
            if (window.from() != null) {
                created = created.gte(window.from());
            }
            if (window.to() != null) {
                created = created.lt(window.to());
            }
        }
        for (Document d : mongo.aggregate(Aggregation.newAggregation(Aggregation.match(created),
                Aggregation.group("channel", "status").count().as("n")), collection, Document.class)) {
            Document key = d.get("_id", Document.class);
            Channel channel = Channel.valueOf(key.getString("channel"));
            DeliveryStatus status = DeliveryStatus.valueOf(key.getString("status"));
            long n = ((Number) d.get("n")).longValue();
            byChannel.get(channel).merge(status, n, Long::sum);
            byStatus.merge(status, n, Long::sum);
            total += n;
        }
        long due = mongo.count(Query.query(Criteria.where("status").in(AWAITING).and("nextAttemptAt").lte(now)),
                collection);
        // due and held are the dispatcher's state now, so they count every awaiting notification, not the window's.
        long awaitingNow = mongo.count(Query.query(Criteria.where("status").in(AWAITING)), collection);
        return new NotificationStats(window, total, byChannel, byStatus, due, Math.max(0, awaitingNow - due));
    }
}
