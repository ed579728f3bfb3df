package io.energywatch.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.energywatch.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads back, stage by stage, which of a bench run's readings each part of the platform holds and how many times: the
 * raw store (MongoDB buckets), the raw and enriched topics (read_committed, from the offsets the run started at), the
 * enriched index, prediction-service's daily history, and anomaly-service's anomalies in MongoDB, Elasticsearch and on
 * their topic. Every count is keyed by the reading's event id ({@link BenchReadings#id}), so the stages compare as sets.
 */
final class StageLedger {

    /** Occurrences per reading event id. */
    record Seen(Map<String, Integer> occurrences) {

        int of(String id) {
            return occurrences.getOrDefault(id, 0);
        }
    }

    private static final ZoneId BUCKET_ZONE = ZoneId.of("Europe/Paris");
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(3);
    private static final int ID_BATCH = 200;
    private static final int SCROLL_PAGE = 5_000;

    /**
     * Where the stages are read: the running platform's servers ({@link PlatformBench#stores()}) or a test's.
     *
     * @param mongoUri      a connection string to the MongoDB server (any database named in it is not used)
     * @param database      the services' database
     * @param elasticsearch the Elasticsearch base URL
     * @param workspace     the checkout whose platform file names the collections
     */
    record Stores(String kafka, String mongoUri, String database, URI elasticsearch, String enrichedIndex,
                  String anomalyIndex, Workspace workspace) {
    }

    private final Stores stores;
    private final BenchReadings readings;
    private final Map<String, String> platformValues;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Map<TopicPartition, Long>> startOffsets = new HashMap<>();

    StageLedger(Stores stores, BenchReadings readings) {
        this.stores = stores;
        this.readings = readings;
        this.platformValues = yaml(stores.workspace().platformFile());
    }

    /** Remembers where the topics end now: the run's records are all after. */
    void markTopicStarts() {
        for (String topic : List.of(Topics.CONSUMPTION_RAW.name(), Topics.CONSUMPTION_ENRICHED.name(),
                Topics.ANOMALIES.name())) {
            try (var consumer = consumer()) {
                startOffsets.put(topic, consumer.endOffsets(partitions(consumer, topic)));
            }
        }
    }

    Seen rawStore(long rows) {
        var seen = new HashMap<String, Integer>();
        try (MongoClient client = mongo()) {
            var buckets = database(client).getCollection(collection("measurements"));
            for (String series : readings.seriesIds()) {
                // A bucket per series and local day: _id look-ups only, the wire server scans for anything else.
                forEachBucket(buckets, series, series, rows, bucket -> slots(bucket.get("r", Document.class), 1)
                        .forEach(start -> count(seen, BenchReadings.id(series, start))));
            }
        }
        return new Seen(seen);
    }

    /** A document per daily series and local day, its intervals keyed by epoch second. */
    Seen predictionHistory(long rows) {
        var seen = new HashMap<String, Integer>();
        String collection = yaml(stores.workspace().root().resolve("prediction-service/src/main/resources/application.yml"))
                .get("energywatch.prediction.history.collection");
        try (MongoClient client = mongo()) {
            var days = database(client).getCollection(collection);
            for (String series : readings.seriesIds()) {
                String daily = series.substring(0, series.lastIndexOf(':') + 1) + "P1D";
                forEachBucket(days, series, daily, rows, day -> slots(day.get("intervals", Document.class), 0)
                        .forEach(start -> count(seen, BenchReadings.id(series, start))));
            }
        }
        return new Seen(seen);
    }

    private void forEachBucket(com.mongodb.client.MongoCollection<Document> collection, String series, String idPrefix,
                               long rows, java.util.function.Consumer<Document> each) {
        List<String> ids = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(readings.start(rows), BUCKET_ZONE);
        for (LocalDate day = LocalDate.ofInstant(readings.origin(), BUCKET_ZONE); !day.isAfter(last);
             day = day.plusDays(1)) {
            ids.add(idPrefix + "|" + day);
        }
        for (int i = 0; i < ids.size(); i += ID_BATCH) {
            collection.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + ID_BATCH)))).forEach(each);
        }
    }

    /** The interval starts of a bucket's slots, named by epoch second after {@code prefix} characters. */
    private static List<Instant> slots(Document slots, int prefix) {
        return slots == null ? List.of() : slots.keySet().stream()
                .map(name -> Instant.ofEpochSecond(Long.parseLong(name.substring(prefix)))).toList();
    }

    Seen anomalyStore() {
        var seen = new HashMap<String, Integer>();
        try (MongoClient client = mongo()) {
            for (Document anomaly : database(client).getCollection(collection("anomalies"))
                    .find(Filters.in("seriesId", readings.seriesIds()))) {
                count(seen, BenchReadings.id(anomaly.getString("seriesId"),
                        anomaly.get("intervalStart", Date.class).toInstant()));
            }
        }
        return new Seen(seen);
    }

    Seen rawTopic() {
        return topic(Topics.CONSUMPTION_RAW.name(), value -> value.path("eventId").asString());
    }

    /** By the measurement's id: the enriched record's own id is another name of the same reading. */
    Seen enrichedTopic() {
        return topic(Topics.CONSUMPTION_ENRICHED.name(), value -> value.path("measurement").path("eventId").asString());
    }

    Seen anomalyTopic() {
        return topic(Topics.ANOMALIES.name(), value -> BenchReadings.id(value.path("seriesId").asString(),
                Instant.parse(value.path("intervalStart").asString())));
    }

    /** Document ids are {@code seriesId|intervalStart}, so a redelivery overwrites. */
    Seen enrichedIndex() {
        var seen = new HashMap<String, Integer>();
        scroll(stores.enrichedIndex(), List.of(), hit -> {
            String id = hit.path("_id").asString();
            int bar = id.lastIndexOf('|');
            count(seen, BenchReadings.id(id.substring(0, bar), Instant.parse(id.substring(bar + 1))));
        });
        return new Seen(seen);
    }

    /** How many of the run's readings the enriched index holds now (one document per reading). */
    long enrichedIndexed() {
        return PlatformBench.count(http, json, stores.elasticsearch(), stores.enrichedIndex(), "seriesId",
                readings.seriesIds());
    }

    Seen anomalyIndex() {
        var seen = new HashMap<String, Integer>();
        scroll(stores.anomalyIndex(), List.of("seriesId", "intervalStart"), hit -> count(seen,
                BenchReadings.id(hit.path("_source").path("seriesId").asString(),
                        Instant.parse(hit.path("_source").path("intervalStart").asString()))));
        return new Seen(seen);
    }

    private void scroll(String alias, List<String> fields, java.util.function.Consumer<JsonNode> each) {
        new ElasticsearchRefresh(http, stores.elasticsearch()).refresh(List.of(alias));
        String source = fields.isEmpty() ? "false" : json.writeValueAsString(fields);
        JsonNode page = elasticsearch("POST", "/" + alias
                + "/_search?scroll=2m&ignore_unavailable=true&allow_no_indices=true", "{\"size\":" + SCROLL_PAGE
                + ",\"_source\":" + source + ",\"query\":{\"terms\":{\"seriesId\":"
                + json.writeValueAsString(readings.seriesIds()) + "}}}");
        String scrollId = page.path("_scroll_id").asString();
        while (!page.path("hits").path("hits").isEmpty()) {
            page.path("hits").path("hits").forEach(each);
            page = elasticsearch("POST", "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\""
                    + scrollId + "\"}");
            scrollId = page.path("_scroll_id").asString(scrollId);
        }
        if (!scrollId.isEmpty()) {
            elasticsearch("DELETE", "/_search/scroll", "{\"scroll_id\":\"" + scrollId + "\"}");
        }
    }

    private Seen topic(String topic, java.util.function.Function<JsonNode, String> id) {
        Set<String> keys = Set.copyOf(readings.seriesIds());
        var seen = new HashMap<String, Integer>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = startOffsets.getOrDefault(topic, Map.of());
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, starts.getOrDefault(p, 0L)));
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new StackException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        count(seen, id.apply(json.readTree(record.value())));
                    }
                }
            }
        }
        return new Seen(seen);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stores.kafka(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private MongoClient mongo() {
        return MongoClients.create(stores.mongoUri());
    }

    private MongoDatabase database(MongoClient client) {
        return client.getDatabase(stores.database());
    }

    private JsonNode elasticsearch(String method, String path, String body) {
        return PlatformBench.elasticsearch(http, json, stores.elasticsearch(), method, path, body);
    }

    private String collection(String key) {
        return platformValues.get("energywatch.stores.collections." + key);
    }

    private static void count(Map<String, Integer> seen, String id) {
        seen.merge(id, 1, Integer::sum);
    }

    private static Map<String, String> yaml(Path file) {
        try {
            return new LinkedHashMap<>(SimpleYaml.flatten(Files.readString(file), file.toString()));
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
