package io.energywatch.local;

import io.energywatch.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches the enriched topic and anomaly-service's progress on it while a latency bench runs. anomaly-service emits a
 * record only for an anomaly, none per scored reading, so a reading counts as scored when the detector group's
 * committed offset on its enriched partition has passed it (the listener commits after scoring and storing the batch).
 * Times are wall-clock microseconds on this machine, the clock the services stamp acceptance with.
 */
final class PipelineWatch implements AutoCloseable {

    /** One enriched reading of a watched series: where it is, when it was accepted and when it was read here. */
    record Enriched(int partition, long offset, long acceptedMicros, long enrichedMicros) {
    }

    private static final Duration COMMIT_POLL = Duration.ofMillis(50);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final String detectorGroup;
    private final JsonMapper json;
    private final Map<String, List<Enriched>> bySeries = new ConcurrentHashMap<>();
    /** Per enriched partition: (time, committed offset) each time the committed offset moved. */
    private final Map<Integer, List<long[]>> commits = new ConcurrentHashMap<>();
    private final Thread reader;
    private final Thread committedPoller;
    private volatile boolean running = true;
    private volatile Set<String> watched = Set.of();

    PipelineWatch(String bootstrap, String detectorGroup, JsonMapper json) {
        this.detectorGroup = detectorGroup;
        this.json = json;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        String topic = Topics.CONSUMPTION_ENRICHED.name();
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.reader = Thread.ofPlatform().name("enriched-watch").daemon().start(this::read);
        this.committedPoller = Thread.ofPlatform().name("detector-commits").daemon().start(this::pollCommits);
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Starts recording these series (a step's); records of other series are skipped. */
    void watch(List<String> series) {
        series.forEach(s -> bySeries.putIfAbsent(s, java.util.Collections.synchronizedList(new ArrayList<>())));
        watched = Set.copyOf(bySeries.keySet());
    }

    /** The enriched readings of these series seen so far. */
    List<Enriched> enriched(List<String> series) {
        var all = new ArrayList<Enriched>();
        for (String s : series) {
            List<Enriched> list = bySeries.getOrDefault(s, List.of());
            synchronized (list) {
                all.addAll(list);
            }
        }
        return all;
    }

    /** When the detector group's committed offset first passed this record, or -1 if it has not yet. */
    long scoredMicros(Enriched record) {
        List<long[]> moves = commits.getOrDefault(record.partition(), List.of());
        synchronized (moves) {
            // Committed offsets only grow: the first move past the record, by binary search.
            int low = 0;
            int high = moves.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (moves.get(middle)[1] > record.offset()) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low < moves.size() ? moves.get(low)[0] : -1;
        }
    }

    private void read() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (!watched.contains(record.key())) {
                    continue;
                }
                long received = nowMicros();
                JsonNode measurement = json.readTree(record.value()).path("measurement");
                Instant accepted = Instant.parse(measurement.path("lineage").path("ingestedAt").asString());
                bySeries.get(record.key()).add(new Enriched(record.partition(), record.offset(),
                        accepted.getEpochSecond() * 1_000_000 + accepted.getNano() / 1_000, received));
            }
        }
        consumer.close();
    }

    private void pollCommits() {
        while (running) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(detectorGroup)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                long now = nowMicros();
                offsets.forEach((partition, committed) -> {
                    if (committed == null || !partition.topic().equals(Topics.CONSUMPTION_ENRICHED.name())) {
                        return;
                    }
                    List<long[]> moves = commits.computeIfAbsent(partition.partition(),
                            p -> java.util.Collections.synchronizedList(new ArrayList<>()));
                    synchronized (moves) {
                        if (moves.isEmpty() || moves.getLast()[1] != committed.offset()) {
                            moves.add(new long[]{now, committed.offset()});
                        }
                    }
                });
            } catch (ExecutionException | TimeoutException e) {
                // The broker busy for a moment: the next poll tells.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(COMMIT_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        committedPoller.interrupt();
        try {
            reader.join(Duration.ofSeconds(10));
            committedPoller.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }

    /** A sorted copy's percentile (nearest rank), in the values' unit. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static Map<String, Long> summary(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        var summary = new HashMap<String, Long>();
        summary.put("p50", percentile(sorted, 0.50));
        summary.put("p95", percentile(sorted, 0.95));
        summary.put("p99", percentile(sorted, 0.99));
        summary.put("max", sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
        return summary;
    }
}
