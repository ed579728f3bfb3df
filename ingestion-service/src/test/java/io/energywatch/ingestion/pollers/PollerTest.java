package io.energywatch.ingestion.pollers;

import com.sun.net.httpserver.HttpServer;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.jobs.IngestionPipelineTestFixtures;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pollers against a local HTTP server serving fixture files: new content is ingested once, an unchanged source (ETag) is
 * not fetched again, server errors are retried with backoff, and every run that fails is visible as a failed job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PollerTest {

    private static final AtomicReference<byte[]> CONTENT = new AtomicReference<>(IngestionPipelineTestFixtures.odre(2015));
    private static final AtomicReference<String> ETAG = new AtomicReference<>("\"v1\"");
    private static final Deque<Integer> FAILURES_TO_SERVE = new ArrayDeque<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final HttpServer SOURCE = startSource();

    private static HttpServer startSource() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/odre.csv", exchange -> {
                REQUESTS.incrementAndGet();
                Integer failure;
                synchronized (FAILURES_TO_SERVE) {
                    failure = FAILURES_TO_SERVE.poll();
                }
                if (failure != null) {
                    exchange.sendResponseHeaders(failure, -1);
                } else if (ETAG.get().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    byte[] body = CONTENT.get();
                    exchange.getResponseHeaders().add("ETag", ETAG.get());
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopSource() {
        SOURCE.stop(0);
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("poller-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
        String url = "http://127.0.0.1:" + SOURCE.getAddress().getPort() + "/odre.csv";
        registry.add("energywatch.ingestion.pollers[0].id", () -> "odre-national");
        registry.add("energywatch.ingestion.pollers[0].url", () -> url);
        registry.add("energywatch.ingestion.pollers[0].kind", () -> "consumption");
        // Yearly, so the schedule never fires during the test: runs are triggered through the API.
        registry.add("energywatch.ingestion.pollers[0].cron", () -> "0 0 0 1 1 *");
        registry.add("energywatch.ingestion.pollers[0].attempts", () -> "3");
        registry.add("energywatch.ingestion.pollers[0].backoff", () -> "10ms");
    }

    @Autowired
    Environment environment;

    @Test
    void ingestsNewContentOnceSkipsUnchangedContentRetriesServerErrorsAndReportsFailures() throws Exception {
        var api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));

        JsonNode first = api.postJson("/api/v1/pollers/odre-national/runs", "").body();
        assertThat(first.path("outcome").asString()).isEqualTo("INGESTED");
        JsonNode job = api.awaitJob(first.path("job").path("id").asString(), Duration.ofSeconds(60));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("origin").asString()).isEqualTo("odre-national");
        assertThat(job.path("trigger").asString()).isEqualTo("poller");
        assertThat(job.path("accepted").asLong()).isEqualTo(5);

        assertThat(api.postJson("/api/v1/pollers/odre-national/runs", "").body().path("outcome").asString())
                .isEqualTo("NOT_MODIFIED");

        // The source publishes a new version with one more half-hour; two server errors come first.
        CONTENT.set(IngestionPipelineTestFixtures.odreWithExtraRow(2015));
        ETAG.set("\"v2\"");
        synchronized (FAILURES_TO_SERVE) {
            FAILURES_TO_SERVE.add(503);
            FAILURES_TO_SERVE.add(502);
        }
        int before = REQUESTS.get();
        JsonNode retried = api.postJson("/api/v1/pollers/odre-national/runs", "").body();
        assertThat(REQUESTS.get() - before).isEqualTo(3);
        assertThat(retried.path("outcome").asString()).isEqualTo("INGESTED");
        JsonNode update = api.awaitJob(retried.path("job").path("id").asString(), Duration.ofSeconds(60));
        assertThat(update.path("accepted").asLong()).as("only the new half-hour is new").isEqualTo(1);
        assertThat(update.path("duplicates").asLong()).isEqualTo(5);

        ETAG.set("\"v3\"");
        synchronized (FAILURES_TO_SERVE) {
            FAILURES_TO_SERVE.add(404);
        }
        JsonNode failed = api.postJson("/api/v1/pollers/odre-national/runs", "").body();
        assertThat(failed.path("outcome").asString()).isEqualTo("FAILED");
        JsonNode failedJob = api.get("/api/v1/ingestions/" + failed.path("job").path("id").asString()).body();
        assertThat(failedJob.path("status").asString()).isEqualTo("FAILED");
        assertThat(failedJob.path("error").asString()).contains("answered 404");

        JsonNode pollers = api.get("/api/v1/pollers").body();
        assertThat(pollers.get(0).path("state").path("lastOutcome").asString()).startsWith("failed");
        assertThat(pollers.get(0).path("state").path("etag").asString()).isEqualTo("\"v2\"");
        var csv = api.getText("/api/v1/pollers", "text/csv").body().lines().toList();
        assertThat(csv.getFirst()).isEqualTo("id,url,kind,cron,state.pollerId,state.etag,state.lastModified,"
                + "state.lastRunAt,state.lastOutcome,state.lastJobId");
        assertThat(csv.get(1)).startsWith("odre-national,").contains(",\"\"\"v2\"\"\",");
    }
}
