package io.energywatch.localmongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable server in its own process, killed with SIGKILL while a writer is busy: every write it acknowledged is
 * there after a restart, and the writes it never acknowledged are the only ones that may be missing.
 */
class KillNineDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKillNineMidStream() throws Exception {
        try (var server = DurableMongoProcess.start(dir, List.of("-Xmx256m"))) {
            var acknowledgedInserts = new ConcurrentLinkedQueue<String>();
            var acknowledgedUpdates = new ConcurrentLinkedQueue<String>();
            for (int round = 0; round < 2; round++) {
                int base = round * 1_000_000;
                var batches = new AtomicInteger();
                Thread writer = Thread.ofPlatform().start(() -> write(server.connectionString(), base, batches,
                        acknowledgedInserts, acknowledgedUpdates));
                // Killed while the writer is between or inside batches, after some were acknowledged.
                int enough = 15 + 10 * round;
                await().atMost(60, TimeUnit.SECONDS).until(() -> batches.get() >= enough);
                server.kill();
                writer.join();
                server.restart();
            }

            try (MongoClient client = client(server.connectionString())) {
                var buckets = client.getDatabase("energywatch").getCollection("buckets");
                List<String> missing = new ArrayList<>();
                for (String id : acknowledgedInserts) {
                    if (buckets.find(Filters.eq("_id", id)).first() == null) {
                        missing.add(id);
                    }
                }
                assertThat(missing).as("acknowledged inserts missing after kill -9").isEmpty();
                for (String id : acknowledgedUpdates) {
                    assertThat(buckets.find(Filters.eq("_id", id)).first().getInteger("v")).as(id).isEqualTo(2);
                }
                assertThat(acknowledgedInserts).hasSizeGreaterThanOrEqualTo(25 * 200);
            }
        }
    }

    /** Inserts batches of 200 buckets and updates each batch's first bucket, recording what was acknowledged. */
    private static void write(String uri, int base, AtomicInteger batches, ConcurrentLinkedQueue<String> inserted,
                              ConcurrentLinkedQueue<String> updated) {
        try (MongoClient client = client(uri)) {
            MongoCollection<Document> buckets = client.getDatabase("energywatch").getCollection("buckets");
            for (int batch = 0; ; batch++) {
                List<Document> docs = DurableMongoServerTest.documents(base + batch * 200, 200);
                buckets.insertMany(docs);
                docs.forEach(d -> inserted.add(d.getString("_id")));
                String first = docs.getFirst().getString("_id");
                buckets.updateOne(Filters.eq("_id", first), new Document("$inc", new Document("v", 1)));
                updated.add(first);
                batches.incrementAndGet();
            }
        } catch (MongoException e) {
            // The server was killed: whatever was not acknowledged may or may not be there.
        }
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS)).build());
    }
}
