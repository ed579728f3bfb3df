package io.energywatch.anomaly.notifications;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

/**
 * Alert rules in MongoDB, one document per rule keyed by its id. Documents are the rule's JSON (times, durations and
 * enums as the API writes them), so what an operator reads in the database is what the API answered.
 */
class AlertRuleStore {

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final String collection;

    AlertRuleStore(MongoTemplate mongo, JsonMapper json, String collection) {
        this.mongo = mongo;
        this.json = json;
        this.collection = collection;
    }

    List<AlertRule> all() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), Document.class, collection).stream()
                .map(this::toRule).toList();
    }

    /** The enabled rules of a kind: read for every event, a handful of small documents. */
    List<AlertRule> enabled(RuleKind kind) {
        return mongo.find(Query.query(Criteria.where("enabled").is(true).and("kind").is(kind.name())),
                Document.class, collection).stream().map(this::toRule).toList();
    }

    Optional<AlertRule> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, collection)).map(this::toRule);
    }

    void save(AlertRule rule) {
        Document document = Document.parse(json.writeValueAsString(rule));
        document.put("_id", document.remove("id"));
        mongo.save(document, collection);
    }

    boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), collection).getDeletedCount() > 0;
    }

    private AlertRule toRule(Document document) {
        Document copy = new Document(document);
        copy.put("id", copy.remove("_id"));
        return json.readValue(copy.toJson(), AlertRule.class);
    }
}
