package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.formats.SourceFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Ingestion jobs in MongoDB; counters are written per committed batch, so a report never runs ahead of the store. */
@Component
class JobRepository {

    static final String COLLECTION = "ingestion_jobs";

    private final MongoTemplate mongo;

    JobRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    IngestionJob insert(IngestionJob job) {
        return mongo.insert(job);
    }

    Optional<IngestionJob> find(String id) {
        return Optional.ofNullable(mongo.findById(id, IngestionJob.class));
    }

    List<IngestionJob> recent(int page, int size) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size)
                .limit(size), IngestionJob.class);
    }

    long count() {
        return mongo.count(new Query(), IngestionJob.class);
    }

    List<IngestionJob> unfinished() {
        return mongo.find(Query.query(Criteria.where("status").in(JobStatus.QUEUED, JobStatus.RUNNING,
                        JobStatus.PAUSED))
                .with(Sort.by("createdAt")), IngestionJob.class);
    }

    Set<String> finishedIds(Set<String> candidates) {
        Set<String> ids = new HashSet<>();
        mongo.find(Query.query(Criteria.where("_id").in(candidates)
                .and("status").in(JobStatus.SUCCEEDED, JobStatus.FAILED)), IngestionJob.class)
                .forEach(j -> ids.add(j.id()));
        return ids;
    }

    /** Starts (or resumes) a job: a new attempt with counters reset, since the attempt re-reads the input. */
    IngestionJob start(String id, Instant now, @Nullable SourceFormat format) {
        Update u = new Update().set("status", JobStatus.RUNNING).set("startedAt", now).inc("attempt", 1)
                .set("bytesRead", 0L).set("linesRead", 0L).set("recordsRead", 0L).set("accepted", 0L)
                .set("rejected", 0L).set("duplicates", 0L).set("rejections", List.of()).unset("pause");
        if (format != null) {
            u.set("format", format.code());
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), u,
                FindAndModifyOptions.options().returnNew(true), IngestionJob.class);
    }

    /** Writes the totals of the batches committed so far and the first rejections the report keeps. */
    void progress(String id, JobCounters c, List<JobRejection> keptRejections) {
        Update u = new Update().set("bytesRead", c.bytesRead()).set("linesRead", c.linesRead())
                .set("recordsRead", c.recordsRead()).set("accepted", c.accepted()).set("rejected", c.rejected())
                .set("duplicates", c.duplicates()).max("linesCommitted", c.linesCommitted())
                .set("rejections", keptRejections);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), u, IngestionJob.class);
    }

    /** Records what an upload's ordering did, once its input is read (before the job ends). */
    void ordering(String id, UploadOrdering ordering) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("ordering", ordering),
                IngestionJob.class);
    }

    void finish(String id, JobStatus status, @Nullable String error, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", status).set("finishedAt", now).set("error", error).unset("spoolFile")
                        .unset("pause"),
                IngestionJob.class);
    }

    /** Marks a job PAUSED and says why; throws while MongoDB itself is what is down. */
    void pause(String id, JobPause pause) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", JobStatus.PAUSED).set("pause", pause), IngestionJob.class);
    }
}
