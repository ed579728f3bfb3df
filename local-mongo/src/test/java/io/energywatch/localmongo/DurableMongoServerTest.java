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
    void queriesNamingAnIdBesideOtherFieldsMatchTheWholeQueryBeforeAndAfterARestart() throws Exception {
        for (int run = 0; run < 2; run++) {
            try (var server = DurableMongoServer.start("127.0.0.1", 0, dir, StoreLimits.DEFAULTS);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                var buckets = client.getDatabase("energywatch").getCollection("buckets");
                if (run == 0) {
                    for (int i = 0; i < 50; i++) {
                        buckets.insertOne(new Document("_id", "b-" + i).append("v", 1).append("kind", i % 2 == 0
                                ? "even" : "odd"));
                    }
                }
                int version = run + 1;
                // The raw store's optimistic update: applied at the version read, refused at any other.
                assertThat(buckets.updateOne(Filters.and(Filters.eq("_id", "b-7"), Filters.eq("v", version)),
                        new Document("$inc", new Document("v", 1))).getModifiedCount()).isEqualTo(1);
                assertThat(buckets.updateOne(Filters.and(Filters.eq("_id", "b-7"), Filters.eq("v", version)),
                        new Document("$inc", new Document("v", 1))).getModifiedCount()).isZero();
                assertThat(buckets.find(Filters.eq("_id", "b-7")).first().getInteger("v")).isEqualTo(version + 1);
                assertThat(buckets.find(Filters.eq("_id", "b-8")).first().getInteger("v")).isEqualTo(1);

                List<String> ids = new ArrayList<>();
                buckets.find(Filters.and(Filters.in("_id", "b-1", "b-2", "b-3", "b-4", "missing"),
                        Filters.eq("kind", "even"))).forEach(d -> ids.add(d.getString("_id")));
                assertThat(ids).containsExactlyInAnyOrder("b-2", "b-4");
                // A range on _id is no index lookup: it still reads every document and matches the whole query.
                assertThat(buckets.countDocuments(Filters.and(Filters.gte("_id", "b-40"), Filters.lt("_id", "b-5"),
                        Filters.eq("kind", "odd"))))
                        .isEqualTo(5);
                assertThat(buckets.deleteOne(Filters.and(Filters.eq("_id", "b-9"), Filters.eq("kind", "even")))
                        .getDeletedCount()).isZero();
                assertThat(buckets.find(Filters.and(Filters.eq("_id", "b-9"), Filters.eq("kind", "odd"))).first())
                        .isNotNull();
            }
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
