package io.energywatch.ingestion.hostile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.energywatch.testsupport.HostileCorpus;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The ingestion service's hostile-input corpus ({@code hostile/ingestion-service.json}): uploads of every broken kind
 * (encodings, delimiters, garbage, huge lines, impossible and implausible dates, non-finite values, nested JSON, path
 * names), simulations and job queries with wrong types and operators. A refused request leaves no job, no stored
 * document and no spool file behind; an accepted file's bad records are rejected naming their line and field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    private static final String DATABASE = "hostile-ingestion-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Path SPOOL = Path.of(System.getProperty("java.io.tmpdir"), DATABASE + "-spool");
    private static final MongoClient MONGO = MongoClients.create(MongoWireTestServer.shared().uri(DATABASE));

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri(DATABASE));
        registry.add("energywatch.ingestion.spool-dir", SPOOL::toString);
    }

    @Autowired
    Environment environment;

    @AfterAll
    static void close() {
        MONGO.close();
    }

    static List<HostileCorpus.Case> cases() {
        return HostileCorpus.load("hostile/ingestion-service.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileRequestIsRefusedNamingItsFieldOrAcceptedByPolicy(HostileCorpus.Case c) throws Exception {
        var corpus = new HostileCorpus(URI.create("http://127.0.0.1:" + environment.getRequiredProperty(
                "local.server.port")), HostileInputTest::stored);
        corpus.check(c);
    }

    /** Documents per collection (jobs, raw buckets, outbox) and the files in the spool folder. */
    private static Map<String, Long> stored() {
        var counts = new TreeMap<String, Long>();
        var db = MONGO.getDatabase(DATABASE);
        for (String collection : db.listCollectionNames()) {
            counts.put(collection, db.getCollection(collection).countDocuments());
        }
        try (Stream<Path> files = Files.exists(SPOOL) ? Files.list(SPOOL) : Stream.empty()) {
            counts.put("spool files", files.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
