package io.energywatch.fusion.bench;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.EventTimeWindow;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.WeatherObserved;
import io.energywatch.fusion.enrichment.EventTimeExtractor;
import io.energywatch.fusion.enrichment.FusionSettings;
import io.energywatch.fusion.enrichment.FusionTopics;
import io.energywatch.fusion.enrichment.FusionTopology;
import io.energywatch.fusion.enrichment.GlobalWeatherView;
import io.energywatch.fusion.enrichment.PlausibleTimes;
import io.energywatch.fusion.support.KafkaTestClients;
import io.energywatch.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Throughput of the fusion from the raw topic to the enriched topic (exactly_once_v2, stores with changelogs), beside a
 * plain consume-deserialise-serialise-produce loop on the same embedded broker in the same run. Not a test: run it with
 * {@code bench/run fusion [EVENTS [THREADS [COMMIT_MS]]]} (see FUSION.md).
 */
public final class FusionBench {

    private static final int PARTITIONS = 6;
    private static final int ROUNDS = 3;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private FusionBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long commitMs = args.length > 2 ? Long.parseLong(args[2]) : 500;
        String bootstrap = KafkaTestBroker.bootstrapServers();
        var kafka = new KafkaTestClients(bootstrap);
        String run = UUID.randomUUID().toString().substring(0, 8);
        FusionTopics topics = FusionTopics.suffixed(".bench-" + run);
        kafka.createTopics(PARTITIONS, topics.consumption(), topics.weather());
        kafka.createTopics(1, topics.movements());

        Instant accepted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ConsumptionMeasured> input = input(events, accepted);
        LocalDate first = LocalDate.ofInstant(input.getFirst().intervalStart(), PARIS);
        LocalDate last = LocalDate.ofInstant(input.getLast().intervalStart(), PARIS);
        // As in a backfill: the weather is published, then the consumption, then the fusion starts.
        kafka.produce(topics.weather(), weather(first, last, accepted), WeatherObserved::regionCode);
        long produceStart = System.nanoTime();
        kafka.produce(topics.consumption(), input, ConsumptionMeasured::seriesId);
        System.out.printf(Locale.ROOT, "produced %,d raw events in %.1f s%n", input.size(),
                (System.nanoTime() - produceStart) / 1e9);

        // One warm-up round, then interleaved measured rounds (each fusion a fresh application with empty state):
        // the medians are what a single run on a warm JVM gives, without one run's noise deciding the ratio.
        double[] plain = new double[ROUNDS];
        double[] fusion = new double[ROUNDS];
        for (int round = 0; round <= ROUNDS; round++) {
            String label = round == 0 ? "warm-up" : "round " + round;
            String plainOut = "bench.plain-out-" + run + "-" + round;
            FusionTopics roundTopics = new FusionTopics(topics.consumption(), topics.weather(), topics.movements(),
                    topics.enriched() + "-" + round);
            kafka.createTopics(PARTITIONS, plainOut, roundTopics.enriched());
            double p = plainLoop(bootstrap, topics.consumption(), plainOut, input.size());
            double f = fusion(bootstrap, kafka, roundTopics, run + "-" + round, threads, commitMs, input.size(),
                    round == ROUNDS);
            System.out.printf(Locale.ROOT, "%-8s plain %,9.0f events/s   fusion %,9.0f events/s   ratio %.2f%n", label,
                    p, f, f / p);
            if (round > 0) {
                plain[round - 1] = p;
                fusion[round - 1] = f;
            }
        }
        double plainMedian = median(plain);
        double fusionMedian = median(fusion);
        System.out.printf(Locale.ROOT, "%nplain consume-deserialise-serialise-produce loop: %,.0f events/s (median of %d)%n",
                plainMedian, ROUNDS);
        System.out.printf(Locale.ROOT, "fusion raw -> enriched (exactly_once_v2, %d threads, commit %d ms): %,.0f events/s"
                + " (median of %d)%n", threads, commitMs, fusionMedian, ROUNDS);
        System.out.printf(Locale.ROOT, "ratio fusion / plain: %.2f%n", fusionMedian / plainMedian);
        System.exit(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** One consumer and one producer, at-least-once, values read and written with the same serde as the fusion. */
    private static double plainLoop(String bootstrap, String from, String to, int expected) {
        var serde = EventSerde.of(ConsumptionMeasured.class, "/energywatch/bench");
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long start = 0;
        int copied = 0;
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), serde);
             var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), serde)) {
            consumer.subscribe(List.of(from));
            while (copied < expected) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime();
                }
                for (var record : records) {
                    producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    copied++;
                }
                consumer.commitAsync();
            }
            producer.flush();
        }
        return expected / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs the fusion as the service does (weather view bootstrapped first) from the start of the raw topic, timed from
     * RUNNING until its committed offsets reach the end of the raw topic. {@code check}: read the enriched topic back and
     * count the records and those first emitted without weather (then emitted again with it).
     */
    private static double fusion(String bootstrap, KafkaTestClients kafka, FusionTopics topics, String run,
                                 int threads, long commitMs, int expected, boolean check) throws Exception {
        var settings = new FusionSettings(Duration.ofDays(7), Duration.ofDays(400), Duration.ofHours(1), PARTITIONS,
                18.0, 22.0, "/energywatch/fusion-service");
        String applicationId = "fusion-bench-" + run;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("fusion-bench").toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
        // The service's settings (StreamsConfiguration, application.yml).
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16L * 1024 * 1024);
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        long[] running = {0};
        Map<String, Object> config = new java.util.HashMap<>();
        props.forEach((k, v) -> config.put((String) k, v));
        try (var view = new GlobalWeatherView(topics.weather(), "/energywatch/fusion-service", config);
             var streams = new KafkaStreams(new FusionTopology(topics, settings, view, new PlausibleTimes(
                     new EventTimeWindow(Instant.parse("2000-01-01T00:00:00Z"), Duration.ofDays(31)),
                     Clock.systemUTC())).topology(), props)) {
            // As in the service: the weather view reads the raw weather topic to its end before the fusion starts.
            if (!view.start(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the weather view did not start within 60 s");
            }
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING && running[0] == 0) {
                    running[0] = System.nanoTime();
                }
            });
            streams.start();
            while (!kafka.caughtUp(applicationId, topics.consumption())) {
                Thread.sleep(100);
            }
            double rate = expected / ((System.nanoTime() - running[0]) / 1e9);
            streams.close(Duration.ofSeconds(30));
            if (check) {
                var all = kafka.readCommitted(topics.enriched(), EventSerde.of(
                        io.energywatch.contracts.ConsumptionEnriched.class, "bench"));
                long withoutWeather = all.stream().filter(r -> r.value().weather().missing()).count();
                // A record emitted before its day's weather reached the task is emitted again once it has.
                System.out.printf(Locale.ROOT, "last round: %,d enriched records committed for %,d raw events (%,d first"
                        + " emitted without weather, then again with it)%n", all.size(), expected, withoutWeather);
            }
            return rate;
        }
    }

    /** Half-hourly regional series, 13 regions x 2 carriers, day after day from 2024-01-01. */
    private static List<ConsumptionMeasured> input(int events, Instant accepted) {
        Lineage lineage = new Lineage("bench", null, null, accepted);
        List<SeriesId> series = new ArrayList<>();
        for (Region r : Regions.ALL) {
            series.add(SeriesId.of(Carrier.ELECTRICITY, r.code(), "eco2mix", "PT30M"));
            series.add(SeriesId.of(Carrier.GAS, r.code(), "sim", "PT30M"));
        }
        List<ConsumptionMeasured> values = new ArrayList<>(events);
        Instant t = LocalDate.of(2024, 1, 1).atStartOfDay(PARIS).toInstant();
        while (values.size() < events) {
            for (SeriesId s : series) {
                if (values.size() < events) {
                    values.add(ConsumptionMeasured.of(s, s.area(), t, t.plus(Duration.ofMinutes(30)),
                            1000.0 + values.size() % 500, MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(),
                            lineage));
                }
            }
            t = t.plus(Duration.ofMinutes(30));
        }
        return values;
    }

    private static List<WeatherObserved> weather(LocalDate first, LocalDate last, Instant accepted) {
        Lineage lineage = new Lineage("bench", null, null, accepted);
        List<WeatherObserved> values = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (Region r : Regions.ALL) {
                values.add(new WeatherObserved(null, r.code(), d, 2.0, 10.0, null, 15.0, 80.0, null, 60.0, null, "sim",
                        List.of(), List.of(), lineage));
            }
        }
        return values;
    }
}
