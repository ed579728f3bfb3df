package io.energywatch.ingestion.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventJson;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.Topic;
import io.energywatch.contracts.WeatherObserved;
import io.energywatch.service.kafka.EventPublisher;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The raw store and its outbox. A batch is committed in four steps ({@link #store}, {@link #send}, then {@link #complete}): (1) an outbox entry listing the batch's keys is
 * written to {@code ingestion_outbox}; (2) the records are inserted under their natural keys (a key already stored is a
 * duplicate); (3) the new records are published and Kafka's acknowledgements awaited; (4) the outbox entry is deleted.
 * A crash anywhere leaves either nothing stored or an outbox entry naming what may be unpublished, which
 * {@link #relayJob} publishes before the job goes on, so nothing accepted is lost; the unique keys make re-ingestion add
 * nothing. Only single-document writes are used, so this runs on MongoDB and on the wire-compatible server alike, and
 * the normal path issues no multi-key queries (the wire server answers those with a collection scan).
 *
 * <p>Each record carries its job id and the job's attempt number: a resumed attempt recognises the records its earlier
 * attempts stored (they count as accepted, not as duplicates), while a key repeated within one attempt is a duplicate.
 */
@Component
public class RawStore {

    static final String OUTBOX = "ingestion_outbox";
    static final String JOB = "jobId";
    static final String ATTEMPT = "attempt";
    static final String PAYLOAD = "payload";
    /**
     * The outbox entry's store keys, as one string with a key per line: BSON encodes one long string far more cheaply
     * than an array of 5,000 short ones, and the outbox is written for every batch. No key contains a line break
     * (series ids, region codes and movement ids are single-line by validation). Entries written as an array by earlier
     * versions are still read.
     */
    static final String KEYS = "keys";
    private static final char KEY_SEPARATOR = '\n';

    private final MongoTemplate mongo;
    private final EventPublisher publisher;

    public RawStore(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /**
     * Steps 1–2 for a batch: outbox entries, then the records inserted. The batch counts only once {@link #complete}
     * returned. Several batches may be stored before the oldest is completed, and {@link #send} runs on another
     * thread than this, so parsing, MongoDB writes and Kafka sends of consecutive batches overlap.
     */
    public StoredBatch store(PreparedBatch prepared) {
        long accepted = 0;
        long duplicates = 0;
        List<String> outboxIds = new ArrayList<>();
        List<StoredPart> parts = new ArrayList<>();
        for (PreparedPart part : prepared.parts()) {
            String outboxId = prepared.jobId() + "|" + prepared.attempt() + "|" + prepared.batchNumber() + "|"
                    + part.target().name();
            mongo.getCollection(OUTBOX).insertOne(new Document("_id", outboxId).append(JOB, prepared.jobId())
                    .append(ATTEMPT, prepared.attempt()).append("collection", part.target().name())
                    .append("createdAt", new Date()).append(KEYS, part.keys()));
            outboxIds.add(outboxId);
            var outcome = insert(part, prepared.jobId(), prepared.attempt());
            parts.add(new StoredPart(part.target(), outcome.toPublish()));
            accepted += outcome.toPublish().size() + outcome.storedEarlier();
            duplicates += outcome.duplicates();
        }
        return new StoredBatch(outboxIds, parts, new CommitResult(accepted, duplicates));
    }

    /**
     * Step 3: starts the sends of the records a stored batch added. Batches must be sent in the order they were stored
     * (one sending thread per job), so each series' records reach its partition in order.
     */
    public StagedBatch send(StoredBatch stored) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (StoredPart part : stored.parts()) {
            for (Serialized e : part.toPublish()) {
                sends.add(publisher.publishSerialized(part.target().topic(), RawCollection.kafkaKey(e.event()),
                        e.event(), e.json()));
            }
        }
        return new StagedBatch(stored.outboxIds(), sends, stored.result());
    }

    /** A batch stored, its outbox entries written, its new records not sent yet. */
    public record StoredBatch(List<String> outboxIds, List<StoredPart> parts, CommitResult result) {
    }

    /** The records of one collection that a batch added to the store, to be published. */
    record StoredPart(RawCollection target, List<Serialized> toPublish) {
    }

    /**
     * The CPU part of a batch, done before any I/O (on the job's thread, so it overlaps the writer's round trips):
     * records grouped by collection, serialised once, their stored documents built.
     */
    public static PreparedBatch prepare(List<EnergyWatchEvent> events, String jobId, int attempt, long batchNumber) {
        Map<RawCollection, List<EnergyWatchEvent>> byCollection = new EnumMap<>(RawCollection.class);
        for (EnergyWatchEvent e : events) {
            byCollection.computeIfAbsent(RawCollection.of(e), c -> new ArrayList<>()).add(e);
        }
        Date now = new Date();
        List<PreparedPart> parts = new ArrayList<>();
        for (var entry : byCollection.entrySet()) {
            List<Document> docs = new ArrayList<>(entry.getValue().size());
            List<byte[]> payloads = new ArrayList<>(entry.getValue().size());
            StringBuilder keys = new StringBuilder(entry.getValue().size() * 48);
            for (EnergyWatchEvent e : entry.getValue()) {
                // Serialised once: the same bytes are stored and published.
                byte[] json = EventJson.MAPPER.writeValueAsBytes(e);
                payloads.add(json);
                Document doc = toDocument(e, new String(json, StandardCharsets.UTF_8), jobId, attempt, now);
                docs.add(doc);
                if (!keys.isEmpty()) {
                    keys.append(KEY_SEPARATOR);
                }
                keys.append((String) doc.get("_id"));
            }
            parts.add(new PreparedPart(entry.getKey(), entry.getValue(), docs, payloads, keys.toString()));
        }
        return new PreparedBatch(jobId, attempt, batchNumber, parts);
    }

    /** A batch ready to be written: no I/O has happened yet. */
    public record PreparedBatch(String jobId, int attempt, long batchNumber, List<PreparedPart> parts) {

        /** The documents the batch stores, all collections together (benchmarks insert exactly these). */
        public List<Document> documents() {
            return parts.stream().flatMap(p -> p.docs().stream()).toList();
        }
    }

    /** The records of one collection in a prepared batch. */
    /** {@code keys}: the records' store keys, one per line (see {@link #KEYS}). */
    record PreparedPart(RawCollection target, List<EnergyWatchEvent> events, List<Document> docs, List<byte[]> payloads,
                        String keys) {
    }

    /** Step 4: waits for Kafka's acknowledgements of a staged batch and removes its outbox entries. */
    public CommitResult complete(StagedBatch batch, Duration timeout) {
        publisher.flush();
        await(batch.sends(), "records", timeout);
        for (String id : batch.outboxIds()) {
            mongo.getCollection(OUTBOX).deleteOne(Filters.eq("_id", id));
        }
        return batch.result();
    }

    /** A batch stored and sent, not yet acknowledged. */
    public record StagedBatch(List<String> outboxIds, List<CompletableFuture<?>> sends, CommitResult result) {
    }

    /**
     * @param toPublish     records new to the store
     * @param storedEarlier records an earlier attempt of this job stored (and {@link #relayJob} published)
     * @param duplicates    records stored before by another job, or earlier in this attempt
     */
    private record InsertOutcome(List<Serialized> toPublish, long storedEarlier, long duplicates) {
    }

    /** An event with its JSON. */
    record Serialized(EnergyWatchEvent event, byte[] json) {
    }

    private InsertOutcome insert(PreparedPart part, String jobId, int attempt) {
        MongoCollection<Document> collection = mongo.getCollection(part.target().collection());
        List<EnergyWatchEvent> events = part.events();
        List<Document> docs = part.docs();
        List<byte[]> payloads = part.payloads();
        Set<Integer> clashes = new HashSet<>();
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException ex) {
            for (BulkWriteError err : ex.getWriteErrors()) {
                if (err.getCode() != 11000) {
                    throw ex;
                }
                clashes.add(err.getIndex());
            }
        }
        List<Serialized> toPublish = new ArrayList<>(events.size());
        long storedEarlier = 0;
        long duplicates = 0;
        Set<String> claimed = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (!clashes.contains(i)) {
                toPublish.add(new Serialized(events.get(i), payloads.get(i)));
            } else if (attempt > 1 && claimByEarlierAttempt(collection, (String) docs.get(i).get("_id"), jobId,
                    attempt, claimed)) {
                storedEarlier++;
            } else {
                // A first attempt cannot meet records of its own job: every clash is a duplicate.
                duplicates++;
            }
        }
        return new InsertOutcome(toPublish, storedEarlier, duplicates);
    }

    /** Resumed jobs only: takes over a record an earlier attempt of the job stored, so a later repeat is a duplicate. */
    private static boolean claimByEarlierAttempt(MongoCollection<Document> collection, String id, String jobId,
                                                 int attempt, Set<String> claimed) {
        if (claimed.contains(id)) {
            return false;
        }
        Document prior = collection.find(Filters.eq("_id", id)).first();
        if (prior == null || !jobId.equals(prior.getString(JOB)) || prior.getInteger(ATTEMPT, 0) >= attempt) {
            return false;
        }
        collection.updateOne(Filters.eq("_id", id), Updates.set(ATTEMPT, attempt));
        claimed.add(id);
        return true;
    }

    private void publish(RawCollection target, List<EnergyWatchEvent> events, Duration timeout) {
        if (events.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (EnergyWatchEvent e : events) {
            sends.add(send(target.topic(), e));
        }
        publisher.flush();
        await(sends, target.collection() + " records", timeout);
    }

    private static void await(List<CompletableFuture<?>> sends, String what, Duration timeout) {
        if (sends.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge " + sends.size() + " " + what + " within "
                    + timeout + ": " + e.getMessage() + "; they stay stored, listed in the outbox, and will be"
                    + " published by the outbox relay", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for Kafka", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CompletableFuture<?> send(Topic<?> topic, EnergyWatchEvent e) {
        return publisher.publish((Topic) topic, RawCollection.kafkaKey(e), e);
    }

    /**
     * Publishes what a job's interrupted or failed batches may have left unpublished: every record listed in the job's
     * outbox entries that the job itself stored. Republishing one that Kafka did acknowledge before the crash is
     * possible; consumers drop it by its deterministic event id. Returns how many records were published.
     */
    public long relayJob(String jobId, Duration timeout) {
        long relayed = 0;
        for (Document entry : mongo.getCollection(OUTBOX).find(Filters.eq(JOB, jobId))) {
            RawCollection target = RawCollection.valueOf(entry.getString("collection"));
            MongoCollection<Document> collection = mongo.getCollection(target.collection());
            List<EnergyWatchEvent> pending = new ArrayList<>();
            for (String key : outboxKeys(entry)) {
                Document stored = collection.find(Filters.eq("_id", key)).first();
                if (stored != null && jobId.equals(stored.getString(JOB))
                        && stored.getInteger(ATTEMPT, 0) == entry.getInteger(ATTEMPT, 0)) {
                    pending.add(EventJson.MAPPER.readValue(stored.getString(PAYLOAD), target.topic().valueType()));
                }
            }
            publish(target, pending, timeout);
            mongo.getCollection(OUTBOX).deleteOne(Filters.eq("_id", entry.get("_id")));
            relayed += pending.size();
        }
        return relayed;
    }

    /** The distinct keys of an outbox entry, in batch order (a file may repeat a key within a batch). */
    static Set<String> outboxKeys(Document entry) {
        Object keys = entry.get(KEYS);
        Set<String> distinct = new LinkedHashSet<>();
        if (keys instanceof String joined) {
            for (String key : joined.split(String.valueOf(KEY_SEPARATOR))) {
                if (!key.isEmpty()) {
                    distinct.add(key);
                }
            }
        } else if (keys != null) {
            distinct.addAll(entry.getList(KEYS, String.class));
        }
        return distinct;
    }

    /** Jobs that have outbox entries left. */
    public Set<String> jobsWithOutboxEntries() {
        Set<String> jobs = new HashSet<>();
        mongo.getCollection(OUTBOX).distinct(JOB, String.class).forEach(jobs::add);
        return jobs;
    }

    /** The unique key a raw event is stored under. */
    public static String storeKey(EnergyWatchEvent event) {
        return RawCollection.storeKey(event);
    }

    /**
     * The stored form: the event's JSON as a string (compact, and exactly what was published) plus typed copies of the
     * fields queries filter on.
     */
    private static Document toDocument(EnergyWatchEvent e, String payload, String jobId, int attempt, Date now) {
        Document d = new Document("_id", RawCollection.storeKey(e))
                .append(PAYLOAD, payload)
                .append(JOB, jobId)
                .append(ATTEMPT, attempt)
                .append("storedAt", now);
        switch (e) {
            case ConsumptionMeasured m -> d.append("seriesId", m.seriesId())
                    .append("intervalStart", Date.from(m.intervalStart())).append("energyMwh", m.energyMwh());
            case WeatherObserved w -> d.append("regionCode", w.regionCode()).append("date", w.date().toString());
            case SocialMovementDeclared s -> d.append("startDate", s.startDate().toString())
                    .append("endDate", s.endDate().toString());
            default -> throw new IllegalArgumentException(e.getClass().getSimpleName() + " is not a raw event");
        }
        return d;
    }
}
