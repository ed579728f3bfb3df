package io.energywatch.local;

import io.energywatch.service.security.Role;
import io.energywatch.testsupport.ElasticsearchTestServer;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite's subset in the build ({@code bench/run faults} in small): ingestion and fusion, each its executable
 * jar in a JVM of its own on this test's embedded KRaft broker, MongoDB wire server and Elasticsearch, take a steady
 * stream of small uploads (6 meters, a few hundred intervals each) while ingestion-service is killed with SIGKILL right
 * after it answered an upload 202 and started again with the same spool folder and database, then fusion-service is
 * killed with SIGKILL mid-stream and started again with the same application id and state folder. Once the stream has
 * stopped and everything is indexed, every stage is read back by event id: each acknowledged reading is in the raw
 * store, the enriched topic (read_committed, beyond its raw copies) and the enriched index exactly once, and on the raw
 * topic at least once (a resumed job resends what it stored; consumers drop repeats by event id).
 *
 * <p>Ingestion's policy for an upload answered 202: its bytes are in the spool folder and its job QUEUED in MongoDB
 * before the answer, and at start-up {@code JobRecovery} resumes every QUEUED or RUNNING job whose spool file is still
 * there (a new attempt, after an earlier attempt's stored batches are published); a job whose input is gone ends FAILED
 * with what it committed. So every upload acknowledged before the kill must end SUCCEEDED after the restart.
 */
class KillNineSubsetTest {

    private static final int SERIES = 6;
    /** 8 rows of each meter per upload, two uploads a second: small uploads in a row, as a meter gateway sends. */
    private static final int READINGS_PER_SECOND = 96;
    private static final Duration UPLOAD_EVERY = Duration.ofMillis(500);
    /** Uploads acknowledged before the first fault, and after each recovery before the next step. */
    private static final int STEADY_UPLOADS = 6;
    /** Generous for a full build on two busy cores: the removed HistoryKillNineTest failed by timing out at 2 min. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out = System.out;

    /** A fault's measured times, from the kill: the service healthy again, and the readings before it indexed. */
    private record Recovery(double healthySeconds, double caughtUpSeconds) {
    }

    /** When a kill happened, on the wall clock (to compare with job times) and in {@link System#nanoTime()}. */
    private record Kill(Instant at, long nanos) {
    }

    @Test
    void killedWithSigkillMidStreamFusionAndIngestionLoseAndDoubleNoAcknowledgedReading() throws Exception {
        long began = System.nanoTime();
        var readings = BenchReadings.of("k", SERIES);
        String database = "kill9-" + readings.run();
        var workspace = new Workspace(Path.of(".."));
        var platform = PlatformConfig.load(workspace.platformFile());
        Map<String, String> common = ServiceJvm.onTestServers(database);
        var ledger = new StageLedger(new StageLedger.Stores(KafkaTestBroker.bootstrapServers(),
                MongoWireTestServer.shared().uri(database), database,
                URI.create(ElasticsearchTestServer.shared().url()), platform.index("enriched"),
                platform.index("anomalies"), workspace), readings);

        List<ServiceJvm> services = new ArrayList<>();
        ReadingFeed feed = null;
        try {
            var ingestion = ServiceJvm.start(workspace, "ingestion-service", common, Map.of(
                    "energywatch.ingestion.spool-dir", work.resolve("spool").toString()), work);
            services.add(ingestion);
            var fusion = ServiceJvm.start(workspace, "fusion-service", common, Map.of(
                    "energywatch.fusion.streams.application-id", "fusion-kill9-" + readings.run(),
                    "energywatch.fusion.streams.state-dir", work.resolve("fusion-state").toString(),
                    "energywatch.fusion.indexing.group-id", "fusion-kill9-indexer-" + readings.run()), work);
            services.add(fusion);
            services.forEach(s -> s.awaitHealthy(START_TIMEOUT));
            ledger.markTopicStarts();
            double started = seconds(began);

            var uploads = new Uploads(ingestion);
            feed = new ReadingFeed(uploads, readings, READINGS_PER_SECOND, UPLOAD_EVERY, out).start();
            List<String> phases = new ArrayList<>(List.of("none (steady stream)"));
            List<Recovery> recoveries = new ArrayList<>();
            awaitMoreUploads(feed, STEADY_UPLOADS);

            // Ingestion: SIGKILL right after a 202, so that upload's job is unfinished in the killed JVM.
            phases.add("kill -9 ingestion-service");
            feed.phase(1);
            Kill ingestionKill = uploads.killAfterNextAcknowledgement().get(1, TimeUnit.MINUTES);
            Instant ingestionKilledAt = ingestionKill.at();
            ingestion.restart();
            ingestion.awaitHealthy(START_TIMEOUT);
            recoveries.add(recovery(phases.getLast(), ingestionKill.nanos(), feed, ledger));
            awaitMoreUploads(feed, STEADY_UPLOADS);

            // Fusion: SIGKILL between two commits of its exactly-once transactions, while readings keep arriving. It
            // goes last: its tasks move to the restarted instance only once the group drops the dead member (session
            // timeout, 45 s), and that wait is then the final drain rather than a pause between the faults.
            phases.add("kill -9 fusion-service");
            feed.phase(2);
            long killed = System.nanoTime();
            fusion.kill();
            fusion.restart();
            fusion.awaitHealthy(START_TIMEOUT);
            double fusionHealthy = seconds(killed);
            awaitMoreUploads(feed, STEADY_UPLOADS);
            feed.stop();
            recoveries.add(recovery(phases.getLast(), killed, fusionHealthy, feed, ledger));

            long acknowledged = feed.readingsAcknowledged();
            List<JsonNode> jobs = uploads.awaitJobsEnded();
            double caughtUp = seconds(began);

            Map<String, StageLedger.Seen> stages = new LinkedHashMap<>();
            stages.put("raw store", ledger.rawStore(feed.rows()));
            stages.put("raw topic", ledger.rawTopic());
            stages.put("enriched topic", ledger.enrichedTopic());
            stages.put("enriched index", ledger.enrichedIndex());
            var none = new StageLedger.Seen(Map.of());
            var tally = new FaultTally();
            var table = new ArrayList<List<String>>();
            List<FaultTally.Row> rows = new ArrayList<>();
            for (int p = 0; p < phases.size(); p++) {
                List<String> ids = feed.readingIds(p);
                FaultTally.Row row = tally.row(ids, stages, none, none, none);
                rows.add(row);
                var cells = new ArrayList<>(row.cells(phases.get(p), ids.size(), false));
                cells.add(p == 0 ? "-" : String.format(Locale.ROOT, "%.0f / %.0f",
                        recoveries.get(p - 1).healthySeconds(), recoveries.get(p - 1).caughtUpSeconds()));
                table.add(cells);
            }
            var headers = new ArrayList<>(FaultTally.Row.headers(stages.keySet(), false));
            headers.add("HEALTHY / CAUGHT UP S");
            List<JsonNode> resumed = jobs.stream().filter(job -> Instant.parse(job.path("createdAt").asString())
                    .isBefore(ingestionKilledAt) && Instant.parse(job.path("finishedAt").asString())
                    .isAfter(ingestionKilledAt)).toList();
            out.println(new TextTable(headers, table).render());
            out.printf(Locale.ROOT, "%d uploads acknowledged (%,d readings), %d answered other than 202 and sent again;"
                            + " %d jobs answered 202 before ingestion's kill finished after its restart (attempts %s);"
                            + " services healthy after %.0f s, all stages caught up after %.0f s%n", jobs.size(),
                    acknowledged, feed.refusals(), resumed.size(),
                    resumed.stream().map(job -> job.path("attempt").asString()).toList(), started, caughtUp);

            assertThat(jobs).as("every upload answered 202 ends SUCCEEDED, also across the kill")
                    .allSatisfy(job -> assertThat(job.path("status").asString()).as(job.toString())
                            .isEqualTo("SUCCEEDED"));
            assertThat(resumed).as("the upload acknowledged right before the kill was finished by the restarted"
                    + " instance (JobRecovery)").isNotEmpty();
            assertThat(rows).as("readings acknowledged in each phase").allSatisfy(row ->
                    assertThat(row.found().values()).allSatisfy(held -> assertThat(held).isPositive()));
            assertThat(rows).as("nothing lost at any stage, nothing doubled where exactly once is promised")
                    .allSatisfy(row -> {
                        assertThat(row.lost()).as("lost").isZero();
                        assertThat(row.duplicated()).as("duplicated").isZero();
                    });
            assertThat(tally.clean()).isTrue();
        } finally {
            if (feed != null) {
                feed.stop();
            }
            services.forEach(ServiceJvm::stop);
        }
    }

    /**
     * The ingestion API as the feed's uploader, with an analyst's token; it keeps each acknowledged upload's job id,
     * and can kill ingestion the moment it has answered an upload 202, before that upload's job can finish.
     */
    private final class Uploads implements ReadingFeed.Uploader {

        private final ServiceJvm ingestion;
        private final Map<String, String> jobIds = new ConcurrentHashMap<>();
        private final AtomicBoolean killArmed = new AtomicBoolean();
        private final CompletableFuture<Kill> killedAt = new CompletableFuture<>();

        Uploads(ServiceJvm ingestion) {
            this.ingestion = ingestion;
        }

        @Override
        public int upload(String csv, String origin) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestion.port()
                            + PlatformBench.uploadPath(origin, BenchReadings.MAPPING)))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", TestTokens.bearer(Role.ANALYST))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            if (response.statusCode() == 202) {
                jobIds.put(origin, JSON.readTree(response.body()).path("id").asString());
                if (killArmed.compareAndSet(true, false)) {
                    try {
                        ingestion.kill();
                        killedAt.complete(new Kill(Instant.now(), System.nanoTime()));
                    } catch (Throwable e) {
                        killedAt.completeExceptionally(e);
                    }
                }
            }
            return response.statusCode();
        }

        /** Completes with the moment of the kill, which follows the next 202 at once. */
        CompletableFuture<Kill> killAfterNextAcknowledgement() {
            killArmed.set(true);
            return killedAt;
        }

        /** Every acknowledged upload's job once none is QUEUED, RUNNING or PAUSED any more. */
        List<JsonNode> awaitJobsEnded() {
            List<JsonNode> jobs = new ArrayList<>();
            await("every acknowledged upload's job ended").atMost(CATCH_UP_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> {
                        jobs.clear();
                        for (String id : jobIds.values()) {
                            jobs.add(job(id));
                        }
                        return jobs.stream().noneMatch(job -> List.of("QUEUED", "RUNNING", "PAUSED")
                                .contains(job.path("status").asString()));
                    });
            return jobs;
        }

        private JsonNode job(String id) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + ingestion.port() + "/api/v1/ingestions/" + id))
                    .header("Authorization", TestTokens.bearer(Role.ANALYST)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }

    /** Waits until the feed has had {@code count} more uploads acknowledged. */
    private static void awaitMoreUploads(ReadingFeed feed, int count) {
        int target = feed.acknowledged().size() + count;
        await(count + " more uploads acknowledged").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> feed.acknowledged().size() >= target);
    }

    /** From the kill: healthy now; caught up once every reading acknowledged by now is in the enriched index. */
    private static Recovery recovery(String fault, long killedNanos, ReadingFeed feed, StageLedger ledger) {
        return recovery(fault, killedNanos, seconds(killedNanos), feed, ledger);
    }

    /** From the kill: healthy after {@code healthy} s; caught up once every reading acknowledged by now is indexed. */
    private static Recovery recovery(String fault, long killedNanos, double healthy, ReadingFeed feed,
                                     StageLedger ledger) {
        long acknowledged = feed.readingsAcknowledged();
        await(fault + ": readings acknowledged so far indexed").atMost(CATCH_UP_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ledger.enrichedIndexed() >= acknowledged);
        return new Recovery(healthy, seconds(killedNanos));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
