package io.energywatch.ingestion.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.testsupport.MongoWireTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bucket documents of the raw store against the MongoDB wire server: what lands where, and that every key is
 * stored exactly once whatever the interleaving of writers. Only the storing half runs here (no Kafka send).
 */
class RawStoreBucketsTest {

    private static final Instant START = Instant.parse("2023-12-31T23:00:00Z"); // local midnight of 2024-01-01
    private static MongoClient client;
    private MongoTemplate mongo;
    private RawStore store;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoWireTestServer.shared().uri("raw-store-buckets-test"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyStore() {
        mongo = new MongoTemplate(client, "raw-store-buckets-" + UUID.randomUUID());
        // Producers are created lazily: storing never sends.
        var unused = new KafkaTemplate<String, EnergyWatchEvent>(new DefaultKafkaProducerFactory<>(Map.of()));
        store = new RawStore(mongo, new EventPublisher(unused, new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of())), "test"));
    }

    @Test
    void threeLocalDaysOfHalfHoursAreThreeBucketDocuments() {
        var events = halfHours("electricity:FR:odre:PT30M", 0, 3 * 48);

        var stored = store.store(RawStore.prepare(events, "job-a", 1, 1));

        assertThat(stored.result().accepted()).isEqualTo(144);
        assertThat(mongo.getCollection("measurements").countDocuments()).isEqualTo(3);
        assertThat(store.storedRecords("measurements")).isEqualTo(144);
        assertThat(store.storedPayload(events.get(47))).hasValueSatisfying(json -> assertThat(json)
                .contains(events.get(47).eventId()));
    }

    @Test
    void aKeyRepeatedWithinABatchOrByALaterBatchIsADuplicate() {
        var events = halfHours("electricity:FR:odre:PT30M", 0, 10);
        var repeated = new ArrayList<>(events);
        repeated.add(events.get(3));

        var first = store.store(RawStore.prepare(repeated, "job-a", 1, 1));
        var second = store.store(RawStore.prepare(events.subList(0, 4), "job-a", 1, 2));
        var otherJob = store.store(RawStore.prepare(events, "job-b", 1, 1));

        assertThat(first.result()).isEqualTo(new CommitResult(10, 1, Map.of(Topics.CONSUMPTION_RAW.name(), 10L)));
        assertThat(second.result()).isEqualTo(new CommitResult(0, 4));
        assertThat(otherJob.result()).isEqualTo(new CommitResult(0, 10));
        assertThat(store.storedRecords("measurements")).isEqualTo(10);
    }

    @Test
    void aResumedAttemptCountsWhatItsFirstAttemptStoredWithoutPublishingItAgain() {
        var events = halfHours("electricity:FR:odre:PT30M", 0, 20);
        store.store(RawStore.prepare(events.subList(0, 12), "job-a", 1, 1));

        var resumed = store.store(RawStore.prepare(events, "job-a", 2, 1));
        var repeatAfterClaim = store.store(RawStore.prepare(events.subList(0, 2), "job-a", 2, 2));

        assertThat(resumed.result()).isEqualTo(new CommitResult(20, 0, Map.of(Topics.CONSUMPTION_RAW.name(), 20L)));
        assertThat(resumed.parts().getFirst().toPublish()).hasSize(8);
        assertThat(repeatAfterClaim.result()).isEqualTo(new CommitResult(0, 2));
        assertThat(store.storedRecords("measurements")).isEqualTo(20);
    }

    @Test
    void concurrentJobsWritingTheSameBucketsStoreEveryKeyOnce() throws Exception {
        // Two jobs upload overlapping halves of the same four series at once, batch by batch: their writes race on the
        // same buckets, and the version guard makes the loser decide again.
        List<EnergyWatchEvent> all = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            all.addAll(halfHours("electricity:" + (11 + s) + ":sim:PT30M", 0, 20 * 48));
        }
        List<EnergyWatchEvent> a = all.subList(0, all.size() * 3 / 4);
        List<EnergyWatchEvent> b = all.subList(all.size() / 4, all.size());
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<CommitResult> ra = pool.submit(upload(a, "job-a"));
            Future<CommitResult> rb = pool.submit(upload(b, "job-b"));
            CommitResult first = ra.get();
            CommitResult second = rb.get();

            assertThat(first.accepted() + second.accepted()).isEqualTo(all.size());
            assertThat(first.accepted() + first.duplicates()).isEqualTo(a.size());
            assertThat(second.accepted() + second.duplicates()).isEqualTo(b.size());
        }
        assertThat(store.storedRecords("measurements")).isEqualTo(all.size());
        assertThat(mongo.getCollection("measurements").countDocuments()).isEqualTo(4 * 20);
    }

    private Callable<CommitResult> upload(List<EnergyWatchEvent> events, String job) {
        return () -> {
            long accepted = 0;
            long duplicates = 0;
            int batch = 0;
            for (int from = 0; from < events.size(); from += 100) {
                var result = store.store(RawStore.prepare(events.subList(from, Math.min(events.size(), from + 100)),
                        job, 1, ++batch)).result();
                accepted += result.accepted();
                duplicates += result.duplicates();
            }
            return new CommitResult(accepted, duplicates);
        };
    }

    private static List<EnergyWatchEvent> halfHours(String series, int from, int count) {
        var lineage = new Lineage("test.csv", "job", 1L, START);
        List<EnergyWatchEvent> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Instant s = START.plusSeconds(1800L * i);
            SeriesId id = SeriesId.parse(series);
            events.add(ConsumptionMeasured.of(id, "FR".equals(id.area()) ? null : id.area(), s, s.plusSeconds(1800), 40_000.0 + i,
                    MeasurementUnit.MW, QualityStatus.CONSOLIDATED, List.of(), lineage));
        }
        return events;
    }
}
