package io.energywatch.ingestion.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventJson;
import io.energywatch.contracts.Topic;
import io.energywatch.service.kafka.EventPublisher;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The raw store and its outbox: a record is inserted in MongoDB under its natural key with {@code published: false},
 * published to its raw topic, and marked published once Kafka acknowledged it. The unique key makes re-ingestion add
 * nothing; the published flag means a crash between the two steps loses nothing ({@link OutboxRelay} and job resumption
 * publish what was stored but not acknowledged). No multi-document transaction is needed, so this runs on MongoDB and on
 * the wire-compatible server alike.
 *
 * <p>Each document carries the job id and the job's attempt number: after a restart the resumed attempt recognises the
 * records its earlier attempt stored (they count as accepted, not as duplicates) while a key repeated within one attempt
 * is a true duplicate.
 */
@Component
public class RawStore {

    static final String PUBLISHED = "published";
    static final String JOB = "jobId";
    static final String ATTEMPT = "attempt";

    private final MongoTemplate mongo;
    private final EventPublisher publisher;

    public RawStore(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /** Stores and publishes a batch; returns once every new record is in MongoDB and acknowledged by Kafka. */
    public CommitResult commit(List<EnergyWatchEvent> events, String jobId, int attempt, Duration publishTimeout) {
        Map<RawCollection, List<EnergyWatchEvent>> byCollection = new EnumMap<>(RawCollection.class);
        for (EnergyWatchEvent e : events) {
            byCollection.computeIfAbsent(RawCollection.of(e), c -> new ArrayList<>()).add(e);
        }
        long accepted = 0;
        long duplicates = 0;
        for (var entry : byCollection.entrySet()) {
            var outcome = insert(entry.getKey(), entry.getValue(), jobId, attempt);
            publishAndMark(entry.getKey(), outcome.toPublish(), attempt, publishTimeout);
            accepted += outcome.toPublish().size();
            duplicates += outcome.duplicates();
        }
        return new CommitResult(accepted, duplicates);
    }

    private record InsertOutcome(List<EnergyWatchEvent> toPublish, long duplicates) {
    }

    private InsertOutcome insert(RawCollection target, List<EnergyWatchEvent> events, String jobId, int attempt) {
        MongoCollection<Document> collection = mongo.getCollection(target.collection());
        List<Document> docs = new ArrayList<>(events.size());
        Date now = new Date();
        for (EnergyWatchEvent e : events) {
            docs.add(toDocument(e, jobId, attempt, now));
        }
        Set<Integer> failed = new HashSet<>();
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException ex) {
            for (BulkWriteError err : ex.getWriteErrors()) {
                if (err.getCode() != 11000) {
                    throw ex;
                }
                failed.add(err.getIndex());
            }
        }
        List<EnergyWatchEvent> toPublish = new ArrayList<>(events.size());
        List<Integer> clashes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (failed.contains(i)) {
                clashes.add(i);
            } else {
                toPublish.add(events.get(i));
            }
        }
        long duplicates = 0;
        if (!clashes.isEmpty()) {
            Map<String, Document> existing = new HashMap<>();
            List<String> ids = clashes.stream().map(i -> (String) docs.get(i).get("_id")).distinct().toList();
            collection.find(Filters.in("_id", ids)).projection(Projections.include(JOB, ATTEMPT, PUBLISHED))
                    .forEach(d -> existing.put(d.getString("_id"), d));
            Set<String> takenOver = new HashSet<>();
            for (int i : clashes) {
                String id = (String) docs.get(i).get("_id");
                Document prior = existing.get(id);
                boolean earlierAttemptOfThisJob = prior != null && jobId.equals(prior.getString(JOB))
                        && prior.getInteger(ATTEMPT, 0) < attempt && takenOver.add(id);
                if (earlierAttemptOfThisJob) {
                    // Stored by this job before a restart: this attempt owns it now and makes sure it is published.
                    toPublish.add(events.get(i));
                } else {
                    duplicates++;
                }
            }
        }
        return new InsertOutcome(toPublish, duplicates);
    }

    private void publishAndMark(RawCollection target, List<EnergyWatchEvent> events, int attempt, Duration timeout) {
        if (events.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (EnergyWatchEvent e : events) {
            sends.add(send(target.topic(), e));
        }
        publisher.flush();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge " + events.size() + " " + target.collection()
                    + " records within " + timeout + ": " + e.getMessage() + "; they stay stored and unpublished and"
                    + " will be published by the outbox relay", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        }
        List<String> ids = events.stream().map(RawCollection::storeKey).toList();
        mongo.getCollection(target.collection()).updateMany(Filters.in("_id", ids),
                Updates.combine(Updates.set(PUBLISHED, true), Updates.set(ATTEMPT, attempt),
                        Updates.set("publishedAt", new Date())));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CompletableFuture<?> send(Topic<?> topic, EnergyWatchEvent e) {
        return publisher.publish((Topic) topic, RawCollection.kafkaKey(e), e);
    }

    /**
     * Publishes records stored but not acknowledged by jobs that are no longer running, oldest first; returns how many.
     */
    public long relay(Set<String> finishedJobIds, int limit, Duration timeout) {
        long relayed = 0;
        for (RawCollection target : RawCollection.values()) {
            MongoCollection<Document> collection = mongo.getCollection(target.collection());
            List<EnergyWatchEvent> pending = new ArrayList<>();
            List<Integer> attempts = new ArrayList<>();
            collection.find(Filters.and(Filters.eq(PUBLISHED, false), Filters.in(JOB, finishedJobIds)))
                    .limit(limit).forEach(d -> {
                        pending.add(fromDocument(target, d));
                        attempts.add(d.getInteger(ATTEMPT, 0));
                    });
            if (!pending.isEmpty()) {
                publishAndMark(target, pending, attempts.stream().max(Integer::compare).orElse(0), timeout);
                relayed += pending.size();
            }
        }
        return relayed;
    }

    /** Job ids that still have stored-but-unpublished records. */
    public Set<String> jobsWithUnpublished() {
        Set<String> jobs = new HashSet<>();
        for (RawCollection target : RawCollection.values()) {
            mongo.getCollection(target.collection()).distinct(JOB, Filters.eq(PUBLISHED, false), String.class)
                    .forEach(jobs::add);
        }
        return jobs;
    }

    public long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    private static Document toDocument(EnergyWatchEvent e, String jobId, int attempt, Date now) {
        Document event = Document.parse(EventJson.MAPPER.writeValueAsString(e));
        Document d = new Document("_id", RawCollection.storeKey(e))
                .append("key", RawCollection.kafkaKey(e))
                .append("event", event)
                .append(JOB, jobId)
                .append(ATTEMPT, attempt)
                .append(PUBLISHED, false)
                .append("storedAt", now);
        if (e instanceof ConsumptionMeasured m) {
            // Typed copies of the fields queries filter on (the event itself keeps ISO strings).
            d.append("seriesId", m.seriesId()).append("intervalStart", Date.from(m.intervalStart()));
        }
        return d;
    }

    private static EnergyWatchEvent fromDocument(RawCollection target, Document d) {
        Document event = d.get("event", Document.class);
        return EventJson.MAPPER.readValue(event.toJson(), target.topic().valueType());
    }
}
