package io.energywatch.anomaly.notifications;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;

/** Throttle state per rule and series ({@code alert_throttles}): when the last notification went out, and how many since were held back. */
class ThrottleStore {

    private final MongoTemplate mongo;
    private final String collection;

    ThrottleStore(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    ThrottleState get(String ruleId, String seriesKey) {
        Document d = mongo.findById(key(ruleId, seriesKey), Document.class, collection);
        if (d == null) {
            return ThrottleState.NEVER;
        }
        Date last = d.getDate("lastNotifiedAt");
        Number suppressed = d.get("suppressed", Number.class);
        return new ThrottleState(last == null ? null : last.toInstant(), suppressed == null ? 0 : suppressed.longValue());
    }

    void notified(String ruleId, String seriesKey, Instant at) {
        mongo.upsert(byId(ruleId, seriesKey), new Update().set("lastNotifiedAt", at).set("suppressed", 0L)
                .set("ruleId", ruleId).set("seriesKey", seriesKey), collection);
    }

    void suppressed(String ruleId, String seriesKey) {
        mongo.upsert(byId(ruleId, seriesKey), new Update().inc("suppressed", 1L).set("ruleId", ruleId)
                .set("seriesKey", seriesKey), collection);
    }

    private static Query byId(String ruleId, String seriesKey) {
        return Query.query(Criteria.where("_id").is(key(ruleId, seriesKey)));
    }

    private static String key(String ruleId, String seriesKey) {
        return ruleId + "|" + seriesKey;
    }
}
