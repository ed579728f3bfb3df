package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TopicCounter;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job cut short by a crash is resumed at the next start: what its first attempt stored counts as accepted, what it
 * stored but never got acknowledged is published now, and nothing is published twice. A job whose input is gone is
 * marked FAILED with what it had committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobRecoveryTest {

    private static final Path SPOOL = Path.of(System.getProperty("java.io.tmpdir"), "ew-recovery-" + UUID.randomUUID());

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("job-recovery-test"));
        registry.add("energywatch.ingestion.spool-dir", SPOOL::toString);
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    RawStore rawStore;
    @Autowired
    JobRecovery recovery;
    @Autowired
    Environment environment;

    /** The outbox entry's keys as this version writes them (one per line) and as earlier versions did (an array). */
    @ParameterizedTest(name = "outbox keys as {0}")
    @ValueSource(strings = {"lines", "array"})
    void aResumedJobCountsWhatItsFirstAttemptStoredAndPublishesOnlyWhatWasNeverAcknowledged(String keysForm)
            throws Exception {
        String jobId = "crashed-" + UUID.randomUUID();
        // Each run replays the same file: the store starts without its records, as before a first upload.
        mongo.getCollection("measurements").deleteMany(new Document());
        Files.createDirectories(SPOOL);
        Path spool = SPOOL.resolve(jobId + ".upload");
        Files.write(spool, IngestionPipelineTest.odre(2017));
        Instant created = Instant.parse("2024-05-01T10:00:00Z");
        mongo.insert(new IngestionJob(jobId, JobStatus.RUNNING, "consumption", "odre-conso-brute", "odre-extract.csv",
                "upload", Files.size(spool), 200, 3, 3, 2, 0, 0, 2, 1, List.of(), created, created, null, null,
                spool.toString(), null, null, null, null, null));
        // The first attempt stored two records before the crash; the batch of the second was still in the outbox.
        Lineage lineage = new Lineage("odre-extract.csv", jobId, 2L, created);
        storeAsFirstAttempt(measurement("2017-12-31T23:30:00Z", 44906.0, lineage), jobId, 1);
        var unacknowledged = measurement("2017-12-31T23:00:00Z", 46458.0, lineage);
        storeAsFirstAttempt(unacknowledged, jobId, 2);
        mongo.getCollection("ingestion_outbox").insertOne(new Document("_id", jobId + "|1|2|MEASUREMENTS")
                .append("jobId", jobId).append("attempt", 1).append("collection", "MEASUREMENTS")
                .append("keys", keysForm.equals("lines")
                        // A file may repeat a key within a batch; the relay publishes it once.
                        ? RawStore.storeKey(unacknowledged) + "\n" + RawStore.storeKey(unacknowledged)
                        : List.of(RawStore.storeKey(unacknowledged))));
        long topicBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.name());
        long storedBefore = rawStore.storedRecords("measurements");

        recovery.resumeUnfinishedJobs();

        JsonNode job = api().awaitJob(jobId, Duration.ofSeconds(60));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("attempt").asInt()).isEqualTo(2);
        assertThat(job.path("accepted").asLong()).isEqualTo(5);
        assertThat(job.path("duplicates").asLong()).isZero();
        assertThat(job.path("rejected").asLong()).isEqualTo(1);
        assertThat(rawStore.storedRecords("measurements") - storedBefore).isEqualTo(3);
        // The outbox entry is published first (1), then the 3 records new to the store; the 2 stored earlier count as
        // accepted without being sent again.
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.name()) - topicBefore)
                .isEqualTo(4);
        assertThat(mongo.getCollection("ingestion_outbox").countDocuments(new Document("jobId", jobId))).isZero();
        assertThat(Files.exists(spool)).as("the spool file is removed once the job has finished").isFalse();
    }

    @Test
    void aJobWhoseInputIsGoneIsMarkedFailedWithWhatItHadCommitted() throws Exception {
        String jobId = "lost-" + UUID.randomUUID();
        Instant created = Instant.parse("2024-05-01T10:00:00Z");
        mongo.insert(new IngestionJob(jobId, JobStatus.RUNNING, "consumption", "odre-conso-brute", "gone.csv",
                "upload", 1000, 500, 10, 20, 18, 1, 1, 10, 1, List.of(), created, created, null, null,
                SPOOL.resolve("missing.upload").toString(), null, null, null, null, null));

        recovery.resumeUnfinishedJobs();

        JsonNode job = api().get("/api/v1/ingestions/" + jobId).body();
        assertThat(job.path("status").asString()).isEqualTo("FAILED");
        assertThat(job.path("error").asString()).contains("interrupted by a restart")
                .contains("18 accepted, 1 rejected, 1 duplicates from the first 10 lines read");
    }

    private IngestionApi api() {
        return new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    private static ConsumptionMeasured measurement(String start, double mw, Lineage lineage) {
        Instant s = Instant.parse(start);
        return ConsumptionMeasured.of(SeriesId.parse("electricity:FR:odre:PT30M"), null, s, s.plusSeconds(1800), mw,
                MeasurementUnit.MW, QualityStatus.CONSOLIDATED, List.of(), lineage);
    }

    /**
     * Stores a record as the first attempt of the job left it: in the raw store, through RawStore itself, with the
     * outbox entry of its batch removed (the test writes the outbox entry a crash would have left).
     */
    private void storeAsFirstAttempt(ConsumptionMeasured m, String jobId, long batchNumber) {
        var stored = rawStore.store(RawStore.prepare(List.of(m), jobId, 1, batchNumber));
        assertThat(stored.result().accepted()).isEqualTo(1);
        stored.outboxIds().forEach(id -> mongo.getCollection("ingestion_outbox").deleteOne(new Document("_id", id)));
    }
}
