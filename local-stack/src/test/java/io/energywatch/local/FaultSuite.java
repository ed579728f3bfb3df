package io.energywatch.local;

import io.energywatch.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code bench/run faults}: while a steady stream of readings goes through the ingestion API, kills each service with
 * SIGKILL and starts it again, restarts the Kafka broker, stops Elasticsearch for 60 s and MongoDB for 30 s. Once the
 * stream has stopped and every consumer group has drained, compares the run's readings by event id at every stage
 * and prints, per fault, what went in, what each stage holds, what is lost, what is duplicated where the contract
 * says exactly once, the at-least-once redeliveries, and how long the platform took to recover.
 *
 * <p>Recovery is from the fault to the moment every reading acknowledged before the repair (the restart finished,
 * every server healthy) is searchable in the enriched index, and every consumer group downstream of ingestion has
 * committed up to where the raw and enriched topics ended at the repair: the whole path works again and has caught
 * up with what arrived during the outage.
 */
final class FaultSuite {

    /** What is done to the platform, and for how long a stopped server stays down. */
    record Fault(String name, String role, Kind kind, Duration down) {

        enum Kind { KILL_NINE, RESTART, STOP }

        String describe() {
            return switch (kind) {
                case KILL_NINE -> "kill -9 " + role;
                case RESTART -> "restart " + role;
                case STOP -> "stop " + role + " " + down.toSeconds() + " s";
            };
        }
    }

    static final List<Fault> FAULTS = List.of(
            new Fault("gateway", "gateway", Fault.Kind.KILL_NINE, Duration.ZERO),
            new Fault("ingestion", "ingestion-service", Fault.Kind.KILL_NINE, Duration.ZERO),
            new Fault("fusion", "fusion-service", Fault.Kind.KILL_NINE, Duration.ZERO),
            new Fault("anomaly", "anomaly-service", Fault.Kind.KILL_NINE, Duration.ZERO),
            new Fault("prediction", "prediction-service", Fault.Kind.KILL_NINE, Duration.ZERO),
            new Fault("drift", "drift-service", Fault.Kind.KILL_NINE, Duration.ZERO),
            new Fault("kafka", "kafka", Fault.Kind.RESTART, Duration.ZERO),
            new Fault("elasticsearch", "elasticsearch", Fault.Kind.STOP, Duration.ofSeconds(60)),
            new Fault("mongodb", "mongodb", Fault.Kind.STOP, Duration.ofSeconds(30)));

    /** 100 readings/s: 20 meters, one upload of 5 rows each per second (the gateway allows 10 requests/s). */
    private static final int SERIES = 20;
    private static final int READINGS_PER_SECOND = 100;
    private static final Duration UPLOAD_EVERY = Duration.ofSeconds(1);
    /** The stream runs this long before the first fault and after each recovery. */
    private static final Duration STEADY = Duration.ofSeconds(30);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration RECOVERY_POLL = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final PlatformBench bench;
    private final PrintStream out;
    private final PrintStream log;

    FaultSuite(PlatformBench bench, PrintStream out, PrintStream log) {
        this.bench = bench;
        this.out = out;
        this.log = log;
    }

    /** Arguments: optionally the names of the faults to run (default all), e.g. {@code fusion kafka}. */
    public static void main(String[] args) throws IOException {
        PlatformBench.quietClientLogs();
        var bench = new PlatformBench(PlatformBench.workspaceFromSystem());
        List<Fault> faults = args.length == 0 ? FAULTS
                : FAULTS.stream().filter(f -> List.of(args).contains(f.name())).toList();
        Path dir = Files.createDirectories(bench.workspace.dir().resolve("bench"));
        try (var log = new PrintStream(Files.newOutputStream(dir.resolve("faults-up.log")), true,
                StandardCharsets.UTF_8)) {
            boolean clean = new FaultSuite(bench, System.out, log).run(faults);
            System.exit(clean ? 0 : 1);
        } catch (StackException e) {
            System.err.println("faults: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A phase of the run: the steady start, then one per fault. */
    private record Phase(String label, double recoverySeconds, double upSeconds) {
    }

    /** Returns whether nothing was lost and nothing duplicated where the contract says exactly once. */
    boolean run(List<Fault> faults) {
        if (!bench.up(log)) {
            throw new StackException("the platform is not healthy (see .energywatch/bench/faults-up.log)");
        }
        var readings = BenchReadings.of("f", SERIES);
        var ledger = new StageLedger(bench.stores(), readings);
        ledger.markTopicStarts();
        var feed = new ReadingFeed(bench::uploadReadings, readings, READINGS_PER_SECOND, UPLOAD_EVERY, out)
                .start();
        var phases = new ArrayList<Phase>();
        out.printf(Locale.ROOT, "Run %s: %d meters, %d readings/s through the gateway%n", readings.run(), SERIES,
                READINGS_PER_SECOND);
        phases.add(new Phase("none (steady stream)", Double.NaN, Double.NaN));
        Pause.of(STEADY);
        for (Fault fault : faults) {
            feed.phase(phases.size());
            out.printf(Locale.ROOT, "%s ...%n", fault.describe());
            long start = System.nanoTime();
            inject(fault);
            if (!bench.up(log)) {
                out.println("  ./energywatch up reported problems: see .energywatch/bench/faults-up.log");
            }
            double up = seconds(start);
            long acknowledged = feed.readingsAcknowledged();
            Map<TopicPartition, Long> ends = endOffsets();
            double recovery = awaitIndexed(readings, acknowledged) && awaitCommitted(ends) ? seconds(start)
                    : Double.NaN;
            out.printf(Locale.ROOT, "  healthy after %.1f s, caught up after %s%n", up,
                    Double.isNaN(recovery) ? "more than " + RECOVERY_TIMEOUT.toSeconds() + " s"
                            : String.format(Locale.ROOT, "%.1f s", recovery));
            phases.add(new Phase(fault.describe(), recovery, up));
            Pause.of(STEADY);
        }
        feed.stop();
        out.println("Stream stopped; waiting for every consumer group to drain");
        try (var lags = KafkaLagSource.of(bench.platform)) {
            PipelineDrain.Result drained = new PipelineDrain(lags, new ElasticsearchRefresh(bench.http,
                    bench.elasticsearch), bench.platform.drainSettings(), out).await("faults",
                    new PipelineDrain.Dependencies(bench.groups.all(), List.of(bench.platform.index("enriched"),
                            bench.platform.index("anomalies"))));
            if (!drained.drained()) {
                out.println("not drained: " + drained.describe());
            }
        }
        return report(ledger, feed, phases);
    }

    private void inject(Fault fault) {
        List<Long> pids = bench.pids(fault.role());
        if (pids.isEmpty()) {
            throw new StackException(fault.role() + " is not running: nothing to inject the fault into");
        }
        switch (fault.kind()) {
            case KILL_NINE -> pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            case RESTART -> bench.processes.stop(pids, STOP_GRACE);
            case STOP -> {
                long stopped = System.nanoTime();
                bench.processes.stop(pids, STOP_GRACE);
                Duration left = fault.down().minusNanos(System.nanoTime() - stopped);
                if (left.isPositive()) {
                    Pause.of(left);
                }
            }
        }
        // A killed process is gone before it is started again (its port free, its pid file stale).
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join()));
    }

    /** Where the raw and enriched topics end now. */
    private Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = admin()) {
            var specs = new HashMap<TopicPartition, OffsetSpec>();
            for (String topic : List.of(Topics.CONSUMPTION_RAW.name(), Topics.CONSUMPTION_ENRICHED.name())) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            var ends = new HashMap<TopicPartition, Long>();
            admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot read the topics' end offsets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    /**
     * Whether every consumer group downstream of ingestion committed up to where the topics ended at the repair
     * (the stream goes on, so "lag 0" would never hold for long), within the timeout.
     */
    private boolean awaitCommitted(Map<TopicPartition, Long> ends) {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (bench.groups.all().stream().allMatch(group -> committedPast(admin, group, ends))) {
                    return true;
                }
                Pause.of(RECOVERY_POLL);
            }
        }
        return false;
    }

    private static boolean committedPast(Admin admin, String group, Map<TopicPartition, Long> ends) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            // A transaction's commit marker takes an offset after the last record: one short of the end is there.
            return committed.entrySet().stream().filter(e -> ends.containsKey(e.getKey()) && e.getValue() != null)
                    .allMatch(e -> e.getValue().offset() >= ends.get(e.getKey()) - 1);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafka));
    }

    /** Whether every reading acknowledged so far became searchable in the enriched index within the timeout. */
    private boolean awaitIndexed(BenchReadings readings, long acknowledged) {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        String enriched = bench.platform.index("enriched");
        while (System.nanoTime() < deadline) {
            try {
                if (bench.count(enriched, "seriesId", readings.seriesIds()) >= acknowledged) {
                    return true;
                }
            } catch (StackException e) {
                // Elasticsearch still starting: not recovered yet.
            }
            Pause.of(RECOVERY_POLL);
        }
        return false;
    }

    private boolean report(StageLedger ledger, ReadingFeed feed, List<Phase> phases) {
        long rows = feed.rows();
        out.println("Reading every stage back ...");
        Map<String, StageLedger.Seen> stages = new LinkedHashMap<>();
        stages.put("raw store", ledger.rawStore(rows));
        stages.put("raw topic", ledger.rawTopic());
        stages.put("enriched topic", ledger.enrichedTopic());
        stages.put("enriched index", ledger.enrichedIndex());
        stages.put("prediction history", ledger.predictionHistory(rows));
        StageLedger.Seen anomalyStore = ledger.anomalyStore();
        StageLedger.Seen anomalyIndex = ledger.anomalyIndex();
        StageLedger.Seen anomalyTopic = ledger.anomalyTopic();

        var table = new ArrayList<List<String>>();
        var tally = new FaultTally();
        for (int p = 0; p < phases.size(); p++) {
            List<String> ids = feed.readingIds(p);
            FaultTally.Row row = tally.row(ids, stages, anomalyStore, anomalyIndex, anomalyTopic);
            Phase shown = phases.get(p);
            var cells = new ArrayList<>(row.cells(shown.label(), ids.size(), true));
            cells.add(Double.isNaN(shown.upSeconds()) ? "-" : String.format(Locale.ROOT, "%.0f / %.0f",
                    shown.upSeconds(), shown.recoverySeconds()));
            table.add(cells);
        }
        var headers = new ArrayList<>(FaultTally.Row.headers(stages.keySet(), true));
        headers.add("HEALTHY / CAUGHT UP S");
        out.println();
        out.println(new TextTable(headers, table).render());
        out.printf(Locale.ROOT, "%d uploads answered other than 202 and were sent again (a server down).%n",
                feed.refusals());
        out.println("LOST: readings acknowledged and missing from a stage, or anomalies missing from one of their three"
                + " stores. DUPLICATED: more than one copy where the contract says exactly once (raw store, enriched"
                + " topic beyond its raw copies, enriched index, prediction history, anomaly store and index)."
                + " REDELIVERED: extra copies on the at-least-once topics (raw topic after a relay resend, anomalies"
                + " topic), which consumers drop by event id. The drift window keeps no ids: its group's lag 0 at the"
                + " end is what shows it consumed everything.");
        return tally.clean();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
