package io.energywatch.ingestion.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventJson;
import io.energywatch.contracts.Topic;
import io.energywatch.service.kafka.EventPublisher;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The raw store and its outbox. A batch is committed in four steps ({@link #store}, {@link #send}, then
 * {@link #complete}): (1) an outbox entry listing the batch's keys is written to {@code ingestion_outbox}; (2) the
 * records are written into their bucket documents, each under its natural key (a key already stored is a duplicate);
 * (3) the new records are published and Kafka's acknowledgements awaited; (4) the outbox entry is deleted. A crash
 * anywhere leaves either nothing stored or an outbox entry naming what may be unpublished, which {@link #relayJob}
 * publishes before the job goes on, so nothing accepted is lost; one slot per key makes re-ingestion add nothing.
 *
 * <p>Records live in bucket documents ({@link RawCollection#locate}): a batch reads its buckets by {@code _id}, decides
 * for each record whether it is new, then writes all its buckets in one unordered bulk: an insert for a new bucket,
 * an update guarded by the bucket's version for an existing one. A concurrent writer of the same bucket makes the
 * guard miss or the insert clash; the batch then reads its buckets again and decides again. Each slot records the
 * job, attempt and batch that wrote it, so a decision taken again recognises what this batch already wrote. Only
 * {@code _id} look-ups and single-collection bulks are used, so this runs on MongoDB and on the wire-compatible server
 * alike, and no query scans a collection.
 *
 * <p>A resumed attempt recognises the records its earlier attempts stored (they count as accepted, not as duplicates)
 * and claims them, while a key repeated within one attempt is a duplicate.
 */
@Component
public class RawStore {

    static final String OUTBOX = "ingestion_outbox";
    static final String JOB = "jobId";
    static final String ATTEMPT = "attempt";
    /** The bucket's slots: field name → {@link #PAYLOAD}, {@link #SLOT_JOB}, {@link #SLOT_ATTEMPT}, {@link #SLOT_BATCH}. */
    static final String SLOTS = "r";
    static final String PAYLOAD = "p";
    static final String SLOT_JOB = "j";
    static final String SLOT_ATTEMPT = "a";
    static final String SLOT_BATCH = "b";
    /** Set on a slot a later attempt of the same job took over ({@link #claim}). */
    static final String SLOT_CLAIMED = "c";
    /** The bucket's version: every write of an existing bucket requires the version it read and increments it. */
    static final String VERSION = "v";
    /** How many records the bucket holds, so counting never needs to open the slots. */
    static final String COUNT = "n";
    /**
     * The outbox entry's store keys, as one string with a key per line: BSON encodes one long string far more cheaply
     * than an array of 5,000 short ones, and the outbox is written for every batch. No key contains a line break
     * (series ids, region codes and movement ids are single-line by validation). Entries written as an array by earlier
     * versions are still read.
     */
    static final String KEYS = "keys";
    private static final char KEY_SEPARATOR = '\n';
    /** Decisions taken again after a concurrent writer moved a bucket; each round has lost to a writer that won. */
    private static final int MAX_WRITE_ROUNDS = 20;

    private final MongoTemplate mongo;
    private final EventPublisher publisher;

    public RawStore(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /**
     * Steps 1–2 for a batch: outbox entries, then the records written into their buckets. The batch counts only once
     * {@link #complete} returned. Several batches may be stored before the oldest is completed, and {@link #send} runs
     * on another thread than this, so parsing, MongoDB writes and Kafka sends of consecutive batches overlap.
     */
    public StoredBatch store(PreparedBatch prepared) {
        long accepted = 0;
        long duplicates = 0;
        Map<String, Long> acceptedByTopic = new HashMap<>();
        List<String> outboxIds = new ArrayList<>();
        List<StoredPart> parts = new ArrayList<>();
        for (PreparedPart part : prepared.parts()) {
            String outboxId = prepared.jobId() + "|" + prepared.attempt() + "|" + prepared.batchNumber() + "|"
                    + part.target().name();
            mongo.getCollection(OUTBOX).insertOne(new Document("_id", outboxId).append(JOB, prepared.jobId())
                    .append(ATTEMPT, prepared.attempt()).append("collection", part.target().name())
                    .append("createdAt", new Date()).append(KEYS, part.keys()));
            outboxIds.add(outboxId);
            var outcome = write(part, prepared);
            parts.add(new StoredPart(part.target(), outcome.toPublish()));
            long partAccepted = outcome.toPublish().size() + outcome.storedEarlier();
            if (partAccepted > 0) {
                acceptedByTopic.merge(part.target().topic().name(), partAccepted, Long::sum);
            }
            accepted += partAccepted;
            duplicates += outcome.duplicates();
        }
        return new StoredBatch(outboxIds, parts, new CommitResult(accepted, duplicates, acceptedByTopic));
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
     * records grouped by collection and bucket, serialised once.
     */
    public static PreparedBatch prepare(List<EnergyWatchEvent> events, String jobId, int attempt, long batchNumber) {
        Map<RawCollection, List<EnergyWatchEvent>> byCollection = new EnumMap<>(RawCollection.class);
        for (EnergyWatchEvent e : events) {
            byCollection.computeIfAbsent(RawCollection.of(e), c -> new ArrayList<>()).add(e);
        }
        List<PreparedPart> parts = new ArrayList<>();
        for (var entry : byCollection.entrySet()) {
            RawCollection target = entry.getKey();
            List<PreparedRecord> records = new ArrayList<>(entry.getValue().size());
            StringBuilder keys = new StringBuilder(entry.getValue().size() * 48);
            for (EnergyWatchEvent e : entry.getValue()) {
                // Serialised once: the same bytes are stored and published.
                byte[] json = EventJson.MAPPER.writeValueAsBytes(e);
                records.add(new PreparedRecord(e, json, RawCollection.locate(e)));
                if (!keys.isEmpty()) {
                    keys.append(KEY_SEPARATOR);
                }
                keys.append(RawCollection.storeKey(e));
            }
            parts.add(new PreparedPart(target, records, keys.toString()));
        }
        return new PreparedBatch(jobId, attempt, batchNumber, parts);
    }

    /** A batch ready to be written: no I/O has happened yet. */
    public record PreparedBatch(String jobId, int attempt, long batchNumber, List<PreparedPart> parts) {

        /**
         * The bucket documents the batch would insert into an empty store, all collections together: what a raw bulk
         * insert of the same data writes (benchmarks insert exactly these).
         */
        public List<Document> documents() {
            List<Document> docs = new ArrayList<>();
            for (PreparedPart part : parts) {
                Map<String, Document> buckets = new LinkedHashMap<>();
                for (PreparedRecord r : part.records()) {
                    Document bucket = buckets.computeIfAbsent(r.location().bucketId(),
                            id -> newBucket(r.location(), new Date()));
                    Document slots = bucket.get(SLOTS, Document.class);
                    if (!slots.containsKey(r.location().slot())) {
                        slots.put(r.location().slot(), slot(r, jobId, attempt, batchNumber));
                        bucket.put(COUNT, slots.size());
                    }
                }
                docs.addAll(buckets.values());
            }
            return docs;
        }
    }

    /**
     * The records of one collection in a prepared batch, in file order.
     *
     * @param keys the records' store keys, one per line (see {@link #KEYS})
     */
    record PreparedPart(RawCollection target, List<PreparedRecord> records, String keys) {
    }

    /** One record: the event, its JSON and where its natural key is stored. */
    record PreparedRecord(EnergyWatchEvent event, byte[] json, RawCollection.Location location) {
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
    private record WriteOutcome(List<Serialized> toPublish, long storedEarlier, long duplicates) {
    }

    /** An event with its JSON. */
    record Serialized(EnergyWatchEvent event, byte[] json) {
    }

    /** What one record of a batch is, decided against the buckets as read. */
    private enum Decision { NEW, CLAIM, STORED_EARLIER, DUPLICATE }

    private WriteOutcome write(PreparedPart part, PreparedBatch batch) {
        MongoCollection<Document> collection = mongo.getCollection(part.target().collection());
        Map<String, List<PreparedRecord>> byBucket = new LinkedHashMap<>();
        for (PreparedRecord r : part.records()) {
            byBucket.computeIfAbsent(r.location().bucketId(), id -> new ArrayList<>()).add(r);
        }
        for (int round = 1; round <= MAX_WRITE_ROUNDS; round++) {
            Map<String, Document> stored = read(collection, byBucket.keySet());
            Map<PreparedRecord, Decision> decisions = new LinkedHashMap<>();
            List<WriteModel<Document>> writes = new ArrayList<>();
            int updates = 0;
            Date now = new Date();
            for (var entry : byBucket.entrySet()) {
                Document bucket = stored.get(entry.getKey());
                Document slots = bucket == null ? new Document() : bucket.get(SLOTS, Document.class);
                Document sets = new Document();
                Set<String> seen = new HashSet<>();
                int added = 0;
                for (PreparedRecord r : entry.getValue()) {
                    String slotName = r.location().slot();
                    Decision d = seen.add(slotName)
                            ? decide(slots.get(slotName, Document.class), batch)
                            // A key repeated within the batch: its first occurrence decided for it.
                            : Decision.DUPLICATE;
                    decisions.put(r, d);
                    if (d == Decision.NEW && !slots.containsKey(slotName)) {
                        sets.put(SLOTS + "." + slotName, slot(r, batch.jobId(), batch.attempt(), batch.batchNumber()));
                        added++;
                    } else if (d == Decision.CLAIM) {
                        sets.put(SLOTS + "." + slotName, slot(r, batch.jobId(), batch.attempt(), batch.batchNumber())
                                .append(SLOT_CLAIMED, true));
                    }
                }
                if (sets.isEmpty()) {
                    continue;
                }
                if (bucket == null) {
                    Document created = newBucket(entry.getValue().getFirst().location(), now);
                    Document createdSlots = created.get(SLOTS, Document.class);
                    sets.forEach((path, slot) -> createdSlots.put(path.substring(SLOTS.length() + 1), slot));
                    created.put(COUNT, createdSlots.size());
                    writes.add(new InsertOneModel<>(created));
                } else {
                    writes.add(new UpdateOneModel<>(
                            Filters.and(Filters.eq("_id", entry.getKey()), Filters.eq(VERSION, bucket.get(VERSION))),
                            new Document("$set", sets.append("updatedAt", now))
                                    .append("$inc", new Document(VERSION, 1).append(COUNT, added))));
                    updates++;
                }
            }
            if (writes.isEmpty() || applied(collection, writes, updates)) {
                return outcome(decisions);
            }
            // A concurrent writer moved one of the buckets: decide again on what is stored now. What this batch did
            // write is recognised by its job, attempt and batch (decide), so nothing is counted twice.
        }
        throw new IllegalStateException("the buckets of batch " + batch.batchNumber() + " of job " + batch.jobId()
                + " kept being changed by concurrent writers for " + MAX_WRITE_ROUNDS + " rounds");
    }

    /** A record's decision against its slot as stored (null: the key is free). */
    private static Decision decide(Document slot, PreparedBatch batch) {
        if (slot == null) {
            return Decision.NEW;
        }
        boolean sameJob = batch.jobId().equals(slot.getString(SLOT_JOB));
        int slotAttempt = slot.getInteger(SLOT_ATTEMPT, 0);
        if (sameJob && slotAttempt == batch.attempt() && slot.get(SLOT_BATCH) instanceof Number b
                && b.longValue() == batch.batchNumber()) {
            // Written by this very batch in an earlier round that lost a race on another bucket.
            return slot.getBoolean(SLOT_CLAIMED, false) ? Decision.STORED_EARLIER : Decision.NEW;
        }
        if (sameJob && slotAttempt < batch.attempt()) {
            return Decision.CLAIM;
        }
        // Stored by another job, or by an earlier batch of this attempt (the file repeats the key).
        return Decision.DUPLICATE;
    }

    private static WriteOutcome outcome(Map<PreparedRecord, Decision> decisions) {
        List<Serialized> toPublish = new ArrayList<>();
        long storedEarlier = 0;
        long duplicates = 0;
        for (var entry : decisions.entrySet()) {
            switch (entry.getValue()) {
                case NEW -> toPublish.add(new Serialized(entry.getKey().event(), entry.getKey().json()));
                case CLAIM, STORED_EARLIER -> storedEarlier++;
                case DUPLICATE -> duplicates++;
            }
        }
        return new WriteOutcome(toPublish, storedEarlier, duplicates);
    }

    /** True when every write took effect: no insert met an existing bucket and every version guard matched. */
    private static boolean applied(MongoCollection<Document> collection, List<WriteModel<Document>> writes,
                                   int updates) {
        BulkWriteResult result;
        try {
            result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException ex) {
            for (BulkWriteError err : ex.getWriteErrors()) {
                if (err.getCode() != 11000) {
                    throw ex;
                }
            }
            return false;
        }
        return result.getMatchedCount() == updates;
    }

    /** The stored buckets among {@code ids}, by id: one {@code _id} query. */
    private static Map<String, Document> read(MongoCollection<Document> collection, Set<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (Document d : collection.find(Filters.in("_id", ids))) {
            found.put(d.getString("_id"), d);
        }
        return found;
    }

    private static Document newBucket(RawCollection.Location location, Date now) {
        Document bucket = new Document("_id", location.bucketId());
        bucket.putAll(location.bucketFields());
        return bucket.append(VERSION, 1).append(COUNT, 0).append("createdAt", now).append("updatedAt", now)
                .append(SLOTS, new Document());
    }

    private static Document slot(PreparedRecord r, String jobId, int attempt, long batchNumber) {
        return new Document(PAYLOAD, new String(r.json(), StandardCharsets.UTF_8)).append(SLOT_JOB, jobId)
                .append(SLOT_ATTEMPT, attempt).append(SLOT_BATCH, batchNumber);
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
     * outbox entries that the job itself stored in that attempt. Republishing one that Kafka did acknowledge before
     * the crash is possible; consumers drop it by its deterministic event id. Returns how many records were published.
     */
    public long relayJob(String jobId, Duration timeout) {
        long relayed = 0;
        for (Document entry : mongo.getCollection(OUTBOX).find(Filters.eq(JOB, jobId))) {
            RawCollection target = RawCollection.valueOf(entry.getString("collection"));
            MongoCollection<Document> collection = mongo.getCollection(target.collection());
            int attempt = entry.getInteger(ATTEMPT, 0);
            Map<String, RawCollection.Location> locations = new LinkedHashMap<>();
            for (String key : outboxKeys(entry)) {
                locations.put(key, target.locate(key));
            }
            Set<String> bucketIds = new LinkedHashSet<>();
            locations.values().forEach(l -> bucketIds.add(l.bucketId()));
            Map<String, Document> buckets = read(collection, bucketIds);
            List<EnergyWatchEvent> pending = new ArrayList<>();
            for (RawCollection.Location location : locations.values()) {
                Document bucket = buckets.get(location.bucketId());
                Document slot = bucket == null ? null : bucket.get(SLOTS, Document.class).get(location.slot(),
                        Document.class);
                if (slot != null && jobId.equals(slot.getString(SLOT_JOB))
                        && slot.getInteger(SLOT_ATTEMPT, 0) == attempt) {
                    pending.add(EventJson.MAPPER.readValue(slot.getString(PAYLOAD), target.topic().valueType()));
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
     * How many records a raw collection holds: the sum of its buckets' counts. It reads every bucket's header, so it
     * is for tests and operators' checks, never for a hot path.
     */
    public long storedRecords(String collectionName) {
        long total = 0;
        for (Document d : mongo.getCollection(collectionName).find()
                .projection(new Document(COUNT, 1))) {
            total += d.get(COUNT) instanceof Number n ? n.longValue() : 0;
        }
        return total;
    }

    /** The stored JSON of a record, if its key is stored: an {@code _id} look-up of its bucket. */
    public Optional<String> storedPayload(EnergyWatchEvent event) {
        RawCollection target = RawCollection.of(event);
        RawCollection.Location location = target.locate(RawCollection.storeKey(event));
        Document bucket = mongo.getCollection(target.collection()).find(Filters.eq("_id", location.bucketId())).first();
        Document slot = bucket == null ? null : bucket.get(SLOTS, Document.class).get(location.slot(), Document.class);
        return Optional.ofNullable(slot).map(s -> s.getString(PAYLOAD));
    }
}
