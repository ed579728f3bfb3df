package io.energywatch.local;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code bench/run pipeline [SECONDS [PATHS [RATES]]]}: readings offered at fixed rates, first through the ingestion
 * API (uploads via the gateway every 250 ms), then straight onto the raw topic, each rate for SECONDS (default 30)
 * with series of its own. PATHS ({@code api,topic} by default) and RATES ({@code 500,2000,10000,20000}) narrow a run
 * to part of the table, to look at one change; the plots are written only by a run of the whole table. For each rate:
 * the readings/s accepted, the end-to-end readings/s (readings over first acceptance to last scored), and the
 * percentiles of the time from acceptance (the record's lineage {@code ingestedAt}: the upload's 202 for the API, the
 * send for the topic) to the enriched record and to "scored" (see {@link PipelineWatch}), beside a
 * plain Kafka produce-to-consume probe at the same rate on the same broker right after. Writes the latency plots to
 * docs/images.
 */
final class PipelineLatencyBench {

    /** Issue 18's targets. */
    private static final long TARGET_P99_MS_AT_2000 = 250;
    private static final double TARGET_SUSTAINED = 20_000;
    private static final List<Integer> RATES = List.of(500, 2_000, 10_000, 20_000);
    private static final List<String> PATHS = List.of("api", "topic");
    /** 25 meters: every rate's upload (250 ms of readings) is a whole number of rows per meter. */
    private static final int SERIES = 25;
    private static final Duration UPLOAD_EVERY = Duration.ofMillis(250);
    private static final Duration PRODUCE_TICK = Duration.ofMillis(10);
    private static final Duration PROBE_LENGTH = Duration.ofSeconds(10);
    private static final int PROBE_BYTES = 600;
    private static final String PROBE_TOPIC = "energywatch.bench.kafka-latency";
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private final PlatformBench bench;
    private final Duration stepLength;
    private final List<String> paths;
    private final List<Integer> rates;

    PipelineLatencyBench(PlatformBench bench, Duration stepLength, List<String> paths, List<Integer> rates) {
        this.bench = bench;
        this.stepLength = stepLength;
        this.paths = List.copyOf(paths);
        this.rates = List.copyOf(rates);
    }

    public static void main(String[] args) {
        PlatformBench.quietClientLogs();
        Duration step = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 30);
        List<String> paths = args.length > 1 ? List.of(args[1].split(",")) : PATHS;
        List<Integer> rates = args.length > 2 ? Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList()
                : RATES;
        if (!PATHS.containsAll(paths)) {
            System.err.println("pipeline: PATHS is a comma-separated subset of " + String.join(",", PATHS));
            System.exit(2);
        }
        try {
            boolean met = new PipelineLatencyBench(new PlatformBench(PlatformBench.workspaceFromSystem()), step, paths,
                    rates).run();
            System.exit(met ? 0 : 1);
        } catch (StackException e) {
            System.err.println("pipeline: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One rate's outcome on one path; latencies in ms, -1 where nothing was measured. */
    record Step(String path, int offered, long readings, double acceptedPerSecond, double endToEndPerSecond,
                long complete, Map<String, Long> enrichedMs, Map<String, Long> scoredMs, Map<String, Long> kafkaMs) {
    }

    boolean run() {
        if (!bench.up(System.out)) {
            throw new StackException("the platform is not healthy (./energywatch status)");
        }
        createProbeTopic();
        var steps = new ArrayList<Step>();
        try (var watch = new PipelineWatch(bench.kafka, bench.groups.anomalyDetector(), bench.json)) {
            for (String path : paths) {
                for (int rate : rates) {
                    System.out.printf(Locale.ROOT, "%s at %,d readings/s for %d s ...%n", path, rate,
                            stepLength.toSeconds());
                    Step step = step(watch, path, rate);
                    steps.add(step);
                    System.out.printf(Locale.ROOT, "  accepted %,.0f/s, end to end %,.0f/s, scored p99 %,d ms%n",
                            step.acceptedPerSecond(), step.endToEndPerSecond(), step.scoredMs().get("p99"));
                }
            }
        } finally {
            deleteProbeTopic();
        }
        return report(steps);
    }

    private Step step(PipelineWatch watch, String path, int rate) {
        var readings = BenchReadings.of(path.charAt(0) + "r" + rate + "-", SERIES);
        watch.watch(readings.seriesIds());
        long start = System.nanoTime();
        long offered = path.equals("api") ? offerThroughApi(readings, rate) : offerOnTopic(readings, rate);
        double offeringSeconds = (System.nanoTime() - start) / 1e9;
        // Until every reading is scored, or the timeout: a rate above what the platform sustains leaves a backlog.
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        List<PipelineWatch.Enriched> enriched = watch.enriched(readings.seriesIds());
        while (System.nanoTime() < deadline && (enriched.size() < offered
                || enriched.stream().anyMatch(e -> watch.scoredMicros(e) < 0))) {
            Pause.of(Duration.ofMillis(500));
            enriched = watch.enriched(readings.seriesIds());
        }
        long[] toEnriched = enriched.stream().mapToLong(e -> (e.enrichedMicros() - e.acceptedMicros()) / 1000)
                .toArray();
        long[] toScored = enriched.stream().mapToLong(watch::scoredMicros).filter(t -> t >= 0).toArray();
        long[] scoredLatency = new long[toScored.length];
        long firstAccepted = Long.MAX_VALUE;
        long lastScored = Long.MIN_VALUE;
        int i = 0;
        for (PipelineWatch.Enriched e : enriched) {
            long scored = watch.scoredMicros(e);
            firstAccepted = Math.min(firstAccepted, e.acceptedMicros());
            if (scored >= 0) {
                scoredLatency[i++] = (scored - e.acceptedMicros()) / 1000;
                lastScored = Math.max(lastScored, scored);
            }
        }
        double endToEnd = lastScored > firstAccepted ? toScored.length / ((lastScored - firstAccepted) / 1e6) : 0;
        Map<String, Long> kafka = kafkaProbe(Math.min(rate, (int) TARGET_SUSTAINED));
        return new Step(path, rate, offered, offered / offeringSeconds, endToEnd, toScored.length,
                PipelineWatch.summary(toEnriched), PipelineWatch.summary(scoredLatency), kafka);
    }

    /** Uploads every 250 ms for the step's length; answers the readings acknowledged. */
    private long offerThroughApi(BenchReadings readings, int rate) {
        var feed = new ReadingFeed(bench::uploadReadings, readings, rate, UPLOAD_EVERY, System.out).start();
        Pause.of(stepLength);
        feed.stop();
        return feed.readingsAcknowledged();
    }

    /** Produces onto the raw topic as ingestion does (key series id, the event serde's headers), paced every 10 ms. */
    private long offerOnTopic(BenchReadings readings, int rate) {
        var serde = EventSerde.of(ConsumptionMeasured.class, "platform-bench");
        long sent = 0;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), serde)) {
            long start = System.nanoTime();
            long end = start + stepLength.toNanos();
            long row = 0;
            int seriesIndex = 0;
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                Instant now = Instant.now();
                while (sent < due) {
                    ConsumptionMeasured m = readings.measurement(seriesIndex, row, now);
                    producer.send(new ProducerRecord<>(Topics.CONSUMPTION_RAW.name(), m.seriesId(), m));
                    sent++;
                    if (++seriesIndex == readings.series()) {
                        seriesIndex = 0;
                        row++;
                    }
                }
                Pause.of(PRODUCE_TICK);
            }
            producer.flush();
        }
        return sent;
    }

    /** Produce-to-consume latency of plain records of a reading's size at {@code rate}, for 10 s. */
    private Map<String, Long> kafkaProbe(int rate) {
        var latencies = new ArrayList<Long>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafka,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafka,
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer())) {
            var partitions = consumer.partitionsFor(PROBE_TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(PROBE_TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long start = System.nanoTime();
            long end = start + PROBE_LENGTH.toNanos();
            long sent = 0;
            while (System.nanoTime() < end || latencies.size() < sent) {
                long due = System.nanoTime() < end ? (long) ((System.nanoTime() - start) / 1e9 * rate) : sent;
                while (sent < due) {
                    byte[] value = new byte[PROBE_BYTES];
                    ByteBuffer.wrap(value).putLong(PipelineWatch.nowMicros());
                    producer.send(new ProducerRecord<>(PROBE_TOPIC, value));
                    sent++;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(PRODUCE_TICK)) {
                    latencies.add((PipelineWatch.nowMicros() - ByteBuffer.wrap(record.value()).getLong()) / 1000);
                }
                if (System.nanoTime() > end + DRAIN_TIMEOUT.toNanos()) {
                    break;
                }
            }
        }
        return PipelineWatch.summary(latencies.stream().mapToLong(Long::longValue).toArray());
    }

    private void createProbeTopic() {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(PROBE_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(PROBE_TOPIC, Optional.of(6), Optional.empty())))
                        .all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot create " + PROBE_TOPIC + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private void deleteProbeTopic() {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(PROBE_TOPIC)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.out.println("note: " + PROBE_TOPIC + " was not deleted: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafka));
    }

    private boolean report(List<Step> steps) {
        var rows = new ArrayList<List<String>>();
        for (Step s : steps) {
            rows.add(List.of(s.path(), String.format(Locale.ROOT, "%,d", s.offered()),
                    String.format(Locale.ROOT, "%,d", s.readings()),
                    String.format(Locale.ROOT, "%,.0f", s.acceptedPerSecond()),
                    String.format(Locale.ROOT, "%,.0f", s.endToEndPerSecond()),
                    String.format(Locale.ROOT, "%,d", s.complete()), percentiles(s.enrichedMs()),
                    percentiles(s.scoredMs()), percentiles(s.kafkaMs())));
        }
        System.out.println();
        System.out.println(new TextTable(List.of("PATH", "OFFERED/S", "READINGS", "ACCEPTED/S", "END TO END/S",
                "SCORED", "TO ENRICHED p50/p95/p99/max ms", "TO SCORED p50/p95/p99/max ms",
                "KAFKA ALONE p50/p95/p99/max ms"), rows).render());
        Path images = bench.workspace.root().resolve("docs/images");
        for (String path : paths.equals(PATHS) && rates.equals(RATES) ? PATHS : List.<String>of()) {
            List<Step> ofPath = steps.stream().filter(s -> s.path().equals(path)).toList();
            double[] x = ofPath.stream().mapToDouble(Step::offered).toArray();
            var series = new LinkedHashMap<String, double[]>();
            for (String q : List.of("p50", "p95", "p99", "max")) {
                series.put("scored " + q, ofPath.stream().mapToDouble(s -> Math.max(1, s.scoredMs().get(q))).toArray());
            }
            series.put("enriched p99", ofPath.stream().mapToDouble(s -> Math.max(1, s.enrichedMs().get("p99")))
                    .toArray());
            series.put("Kafka alone p99", ofPath.stream().mapToDouble(s -> Math.max(1, s.kafkaMs().get("p99")))
                    .toArray());
            Path file = BenchPlots.lines(images.resolve("pipeline-latency-" + path + ".png"),
                    "Acceptance to scored, readings offered " + (path.equals("api") ? "through the ingestion API"
                            : "onto the raw topic"), "offered readings/s", "latency ms", x, series, true);
            System.out.println("plot: " + bench.workspace.root().relativize(file));
        }
        Optional<Step> at2000 = steps.stream().filter(s -> s.path().equals("api") && s.offered() == 2_000).findFirst();
        double best = steps.stream().mapToDouble(Step::endToEndPerSecond).max().orElse(0);
        boolean latencyMet = at2000.map(s -> s.scoredMs().get("p99") >= 0
                && s.scoredMs().get("p99") <= TARGET_P99_MS_AT_2000).orElse(false);
        System.out.printf(Locale.ROOT, "p99 acceptance to scored at 2,000/s through the API: %s ms (target <= %d)%n",
                at2000.map(s -> String.valueOf(s.scoredMs().get("p99"))).orElse("-"), TARGET_P99_MS_AT_2000);
        System.out.printf(Locale.ROOT, "best end-to-end readings/s: %,.0f (target >= %,.0f)%n", best, TARGET_SUSTAINED);
        return latencyMet && best >= TARGET_SUSTAINED;
    }

    private static String percentiles(Map<String, Long> ms) {
        return String.format(Locale.ROOT, "%,d/%,d/%,d/%,d", ms.get("p50"), ms.get("p95"), ms.get("p99"),
                ms.get("max"));
    }
}
