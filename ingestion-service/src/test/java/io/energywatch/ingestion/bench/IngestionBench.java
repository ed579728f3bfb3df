package io.energywatch.ingestion.bench;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.IngestionServiceApplication;
import io.energywatch.ingestion.formats.FormatDetector;
import io.energywatch.ingestion.formats.IngestionKind;
import io.energywatch.ingestion.formats.ParseContext;
import io.energywatch.ingestion.formats.RecordSink;
import io.energywatch.ingestion.formats.SourceParsers;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.TestTokens;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertManyOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Ingestion throughput on the ODRÉ national file: records/s from upload to acknowledged in Kafka and MongoDB, beside the
 * raw Kafka produce rate and the raw MongoDB bulk-insert rate of the same records, measured in the same run against the
 * same servers (the embedded KRaft broker and the MongoDB wire server, as in the tests). Target: at least 0.7 of the
 * slower raw rate. Run with {@code bench/run ingestion [ODRE_FILE]}; not part of {@code ./mvnw verify}.
 */
public final class IngestionBench {

    private IngestionBench() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // The embedded broker's threads would keep the JVM alive.
            System.exit(status);
        }
    }

    /** Rounds measured after one warm-up round; the median of each measure is reported. */
    private static final int ROUNDS = 3;

    private static void run(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0]
                : "../shared/datasets/fr_national_conso_odre/consommation-quotidienne-brute_2012-2022.csv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("ODRÉ file not found at " + file.toAbsolutePath()
                    + " (pass its path as argument)");
        }
        List<EnergyWatchEvent> events = parse(file);
        String kafka = KafkaTestBroker.bootstrapServers();
        String mongo = MongoWireTestServer.shared().uri("bench");
        System.out.printf("ODRÉ file %s: %,d records; 1 warm-up round, then %d measured rounds%n",
                file.getFileName(), events.size(), ROUNDS);

        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongo,
                "--energywatch.ingestion.spool-dir=" + Files.createTempDirectory("ew-bench-spool"),
                "--energywatch.ingestion.batch-size=5000",
                "--logging.level.root=WARN"));
        // The service trusts the test issuer, whose bearer IngestionApi sends.
        arguments.addAll(List.of(TestTokens.arguments()));
        ConfigurableApplicationContext app = new SpringApplication(IngestionServiceApplication.class)
                .run(arguments.toArray(String[]::new));
        // Each measure runs once to warm the JIT (the service was just started), then ROUNDS times interleaved, so a
        // slow moment of the machine hits all three alike. Every round writes into an empty collection.
        Measure kafkaRaw = new Measure("raw Kafka produce (acks=all, idempotent)");
        Measure mongoRaw = new Measure("raw MongoDB bulk insert (5,000 per batch)");
        Measure ingestion = new Measure("ingestion: upload to acknowledged in both");
        try (var client = MongoClients.create(mongo)) {
            var api = new IngestionApi(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            for (int round = 0; round <= ROUNDS; round++) {
                boolean warmUp = round == 0;
                kafkaRaw.time(warmUp, events.size(), () -> rawKafka(kafka, events));
                mongoRaw.time(warmUp, events.size(), () -> rawMongo(client, events));
                ingestion.time(warmUp, events.size(), () -> pipeline(api, file, events.size()));
                // The next upload must find an empty store, or it would count only duplicates.
                client.getDatabase("bench").getCollection("measurements").drop();
            }
        } finally {
            app.close();
        }

        double slower = Math.min(kafkaRaw.median(), mongoRaw.median());
        System.out.println();
        // CPU per record tells a CPU-bound measure (same JVM: the broker, the wire server and the service share the
        // machine's cores) from a latency-bound one.
        System.out.printf("%-44s %12s %16s   %s%n", "measure (median of rounds)", "records/s", "CPU µs/record",
                "rounds, records/s");
        for (Measure m : List.of(kafkaRaw, mongoRaw, ingestion)) {
            System.out.printf("%-44s %,12.0f %16.1f   %s%n", m.name, m.median(), m.cpuMicrosPerRecord(),
                    m.rates.stream().map(r -> String.format("%,.0f", r)).toList());
        }
        System.out.printf("ratio to the slower raw rate: %.2f (target >= 0.70)%n", ingestion.median() / slower);
    }

    /** One measure's timed rounds: records/s and the process CPU they took. */
    private static final class Measure {
        private final String name;
        private final List<Double> rates = new ArrayList<>();
        private long cpuNanos;
        private long records;

        Measure(String name) {
            this.name = name;
        }

        void time(boolean warmUp, int count, Timed body) throws Exception {
            long cpu = cpuNanos();
            double seconds = body.run();
            if (!warmUp) {
                rates.add(count / seconds);
                cpuNanos += cpuNanos() - cpu;
                records += count;
            }
        }

        double median() {
            List<Double> sorted = rates.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        double cpuMicrosPerRecord() {
            return cpuNanos / 1e3 / records;
        }
    }

    /** A timed body returning its own elapsed seconds (set-up outside the timed part is left out). */
    @FunctionalInterface
    private interface Timed {
        double run() throws Exception;
    }

    private static List<EnergyWatchEvent> parse(Path file) throws Exception {
        List<EnergyWatchEvent> events = new ArrayList<>();
        RecordSink sink = new RecordSink() {
            @Override
            public void accept(long line, EnergyWatchEvent event) {
                events.add(event);
            }

            @Override
            public void reject(long line, @Nullable String field, String reason, String raw) {
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            new SourceParsers().forFormat(FormatDetector.detect(file, IngestionKind.CONSUMPTION, null, null))
                    .parse(in, new ParseContext(file.getFileName().toString(), "bench", Instant.now(),
                            ParseContext.PARIS, null), sink);
        }
        return events;
    }

    /** The producer settings of the service (EventPublisher), to a topic of its own. */
    private static double rawKafka(String kafka, List<EnergyWatchEvent> events) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), EventSerde.any("/energywatch/bench"))) {
            long start = System.nanoTime();
            List<Future<?>> sends = new ArrayList<>(events.size());
            for (EnergyWatchEvent e : events) {
                sends.add(producer.send(new ProducerRecord<>("bench.raw-produce", e.eventId(), e)));
            }
            producer.flush();
            for (Future<?> f : sends) {
                f.get();
            }
            return seconds(start);
        }
    }

    /** Exactly the documents the service stores (RawStore.prepare), inserted in unordered batches of 5,000. */
    private static double rawMongo(com.mongodb.client.MongoClient client, List<EnergyWatchEvent> events) {
        var collection = client.getDatabase("bench").getCollection("raw_insert");
        List<Document> documents = new ArrayList<>(events.size());
        for (int from = 0; from < events.size(); from += 5000) {
            documents.addAll(RawStore.prepare(events.subList(from, Math.min(events.size(), from + 5000)), "bench",
                    1, from / 5000).documents());
        }
        long start = System.nanoTime();
        for (int from = 0; from < documents.size(); from += 5000) {
            insert(collection, documents.subList(from, Math.min(documents.size(), from + 5000)));
        }
        double seconds = seconds(start);
        collection.drop();
        return seconds;
    }

    /** Unordered insert; the file's own repeated keys are refused by the unique index, as in the service. */
    private static void insert(com.mongodb.client.MongoCollection<Document> collection, List<Document> batch) {
        try {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                throw e;
            }
        }
    }

    private static double pipeline(IngestionApi api, Path file, int expected) throws Exception {
        long start = System.nanoTime();
        var answer = api.upload(file, "kind=consumption&filename=" + file.getFileName());
        JsonNode job = api.awaitJob(answer.body().path("id").asString(), Duration.ofMinutes(30));
        double elapsed = seconds(start);
        if (!"SUCCEEDED".equals(job.path("status").asString())) {
            throw new IllegalStateException("bench job failed: " + job);
        }
        long done = job.path("accepted").asLong() + job.path("duplicates").asLong();
        if (done != expected) {
            throw new IllegalStateException("expected " + expected + " records, the job reports " + done);
        }
        return elapsed;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
