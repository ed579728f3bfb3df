package io.energywatch.prediction.backtest;

import io.energywatch.service.web.TimeWindow;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backtest jobs in MongoDB, so that a restart keeps them: one document per job with its status for queries and the
 * job as GET shows it (and, once it succeeded, the demo's summary table) as JSON.
 */
final class BacktestJobStore {

    private final MongoTemplate mongo;
    private final String collection;
    private final JsonMapper json;

    BacktestJobStore(MongoTemplate mongo, String collection, JsonMapper json) {
        this.mongo = mongo;
        this.collection = collection;
        this.json = json;
    }

    void save(BacktestJobs.Job job, @Nullable BacktestSummary summary) {
        var update = new Update().set("status", job.status().name()).set("series", job.series())
                .set("submittedAt", Date.from(job.submittedAt()))
                .set("finishedAt", job.finishedAt() == null ? null : Date.from(job.finishedAt()))
                .set("job", json.writeValueAsString(job))
                .set("summary", summary == null ? null : json.writeValueAsString(summary));
        mongo.upsert(Query.query(Criteria.where("_id").is(job.id())), update, collection);
    }

    Optional<BacktestJobs.Job> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, collection))
                .map(d -> json.readValue(d.getString("job"), BacktestJobs.Job.class));
    }

    /** The summary of the last job that succeeded. */
    Optional<BacktestSummary> latestSummary() {
        return latestSummary(TimeWindow.all());
    }

    /** The summary of the latest backtest that finished in the window. */
    Optional<BacktestSummary> latestSummary(TimeWindow window) {
        var criteria = Criteria.where("status").is(BacktestJobs.Status.SUCCEEDED.name());
        if (window.from() != null || window.to() != null) {
            var finished = criteria.and("finishedAt");
            if (window.from() != null) {
                finished.gte(Date.from(window.from()));
            }
            if (window.to() != null) {
                finished.lt(Date.from(window.to()));
            }
        }
        var query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "finishedAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, collection))
                .map(d -> d.getString("summary")).map(s -> json.readValue(s, BacktestSummary.class));
    }

    /** Jobs still RUNNING when the service started: their runner is gone. */
    List<BacktestJobs.Job> running() {
        return mongo.find(Query.query(Criteria.where("status").is(BacktestJobs.Status.RUNNING.name())),
                Document.class, collection).stream()
                .map(d -> json.readValue(d.getString("job"), BacktestJobs.Job.class)).toList();
    }

    /** Deletes all but the {@code kept} most recently submitted jobs. */
    void keepNewest(int kept) {
        var query = new Query().with(Sort.by(Sort.Direction.DESC, "submittedAt")).skip(kept);
        query.fields().include("_id");
        List<Object> old = mongo.find(query, Document.class, collection).stream().map(d -> d.get("_id")).toList();
        if (!old.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(old)), collection);
        }
    }
}
