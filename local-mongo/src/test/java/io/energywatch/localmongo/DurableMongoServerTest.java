package io.energywatch.localmongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The durable server in this JVM: data kept across a clean restart, and writes refused past its limits. */
class DurableMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void documentsWrittenBeforeACleanStopAreThereAfterARestart() throws Exception {
        try (var server = DurableMongoServer.start("127.0.0.1", 0, dir, StoreLimits.DEFAULTS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("energywatch").getCollection("measurements").insertMany(documents(0, 500));
            client.getDatabase("energywatch").getCollection("measurements").updateOne(Filters.eq("_id", "b-7"),
                    new Document("$set", new Document("r.t1", "updated")));
        }
        try (var server = DurableMongoServer.start("127.0.0.1", 0, dir, StoreLimits.DEFAULTS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            var measurements = client.getDatabase("energywatch").getCollection("measurements");
            assertThat(measurements.estimatedDocumentCount()).isEqualTo(500);
            assertThat(measurements.find(Filters.eq("_id", "b-7")).first().get("r", Document.class).getString("t1"))
                    .isEqualTo("updated");
        }
    }

    @Test
    void pastItsSizeLimitItRefusesWritesWithOutOfDiskSpaceButStillServesReadsAndDeletes() throws Exception {
        try (var server = DurableMongoServer.start("127.0.0.1", 0, dir, StoreLimits.DEFAULTS);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("energywatch").getCollection("measurements").insertMany(documents(0, 100));
        }
        var tiny = new StoreLimits(1, 0, 0.85);
        try (var server = DurableMongoServer.start("127.0.0.1", 0, dir, tiny);
             MongoClient client = MongoClients.create(server.connectionString())) {
            var measurements = client.getDatabase("energywatch").getCollection("measurements");

            assertThatThrownBy(() -> measurements.insertOne(new Document("_id", "one-more")))
                    .isInstanceOfSatisfying(MongoException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(StoreGuard.STORE_FULL_CODE);
                        assertThat(e.getMessage()).contains("store full").contains("max-store-bytes");
                    });
            assertThatThrownBy(() -> measurements.updateOne(Filters.eq("_id", "b-1"),
                    new Document("$set", new Document("x", 1))))
                    .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode())
                            .isEqualTo(StoreGuard.STORE_FULL_CODE));
            assertThat(measurements.find(Filters.eq("_id", "b-1")).first()).isNotNull();
            assertThat(measurements.deleteOne(Filters.eq("_id", "b-1")).getDeletedCount()).isEqualTo(1);
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"))
                    .isEqualTo(1.0);
            assertThat(measurements.estimatedDocumentCount()).isEqualTo(99);
        }
    }

    @Test
    void aLiveHeapAboveItsShareAfterAFullCollectionRefusesWrites() {
        var limits = new StoreLimits(1L << 40, 0, 0.5);
        var stillLive = new StoreGuard(dir.resolve("absent.mv.db"), limits, () -> 900, () -> 600, 1000, () -> 0);
        var wasGarbage = new StoreGuard(dir.resolve("absent.mv.db"), limits, () -> 900, () -> 100, 1000, () -> 0);

        assertThat(stillLive.refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("heap"));
        assertThat(wasGarbage.refusal()).as("old-generation garbage after a young collection is not live").isEmpty();
        assertThat(new StoreGuard(dir.resolve("absent.mv.db"), limits, () -> 400, () -> {
            throw new AssertionError("no full collection while the cheap estimate is under the limit");
        }, 1000, () -> 0).refusal()).isEmpty();
    }

    @Test
    void theFullCollectionRunsAtMostOnceAnInterval() {
        var collections = new AtomicInteger();
        var clock = new AtomicLong();
        var guard = new StoreGuard(dir.resolve("absent.mv.db"), new StoreLimits(1L << 40, 0, 0.5), () -> 900, () -> {
            collections.incrementAndGet();
            return 100;
        }, 1000, clock::get);

        guard.refusal();
        clock.addAndGet(StoreGuard.FULL_COLLECTION_INTERVAL.toNanos() - 1);
        guard.refusal();
        assertThat(collections).hasValue(1);
        clock.addAndGet(1);
        guard.refusal();
        assertThat(collections).hasValue(2);
    }

    static List<Document> documents(int from, int count) {
        List<Document> docs = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            docs.add(new Document("_id", "b-" + i).append("v", 1).append("r",
                    new Document("t0", "{\"eventId\":\"" + i + "\",\"valueMw\":" + (40_000 + i) + "}")));
        }
        return docs;
    }
}
