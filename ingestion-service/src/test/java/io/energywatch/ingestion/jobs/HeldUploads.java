package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.ingestion.config.IngestionProperties;
import io.energywatch.ingestion.formats.RecordSink;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.formats.SourceParsers;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the outage tests share: an upload whose first attempt waits at {@link #GATE_LINE} until the test has taken a
 * store away (import {@link Config}), and the file they upload.
 */
final class HeldUploads {

    static final int HALF_HOURS = 400;
    /** Line at which the first attempt waits until the test has stopped the store. */
    static final int GATE_LINE = 240;
    /** What {@link #odreFile()} holds: every half-hour but two unreadable ones, and gas on full hours. */
    static final long ELECTRICITY = HALF_HOURS - 2;
    static final long GAS = HALF_HOURS / 2;
    static final long REJECTED = 2;
    static final long DUPLICATES = 2;

    private HeldUploads() {
    }

    /**
     * Asserts that health answers 503 within 5 s with {@code down} DOWN (its error naming {@code downName}) and
     * {@code up} UP; returns how long health took.
     */
    static Duration assertHealthDown(IngestionApi api, String down, String downName, String up) throws Exception {
        long started = System.nanoTime();
        var health = api.get("/actuator/health");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().at("/components/" + down + "/status").asString()).isEqualTo("DOWN");
        assertThat(health.body().at("/components/" + down + "/details/error").asString())
                .startsWith(downName + " unavailable");
        assertThat(health.body().at("/components/" + up + "/status").asString()).isEqualTo("UP");
        assertThat(took).as("time to health DOWN").isLessThan(Duration.ofSeconds(5));
        return took;
    }

    /** Waits (30 s at most) until the job is PAUSED, and asserts its pause names {@code store} ({@code storeName}). */
    static void awaitPaused(IngestionApi api, String jobId, String store, String storeName) {
        JsonNode[] paused = new JsonNode[1];
        await("job " + jobId + " pauses").atMost(Duration.ofSeconds(30)).until(() -> {
            paused[0] = api.get("/api/v1/ingestions/" + jobId).body();
            return paused[0].path("status").asString().equals("PAUSED");
        });
        assertThat(paused[0].at("/pause/store").asString()).isEqualTo(store);
        assertThat(paused[0].at("/pause/reason").asString()).startsWith(storeName + " unavailable");
    }

    /**
     * An ODRÉ export of {@value #HALF_HOURS} half-hours from 2016-01-01 (gas on full hours), with unreadable electricity
     * on two lines and the first line repeated at the end.
     */
    static byte[] odreFile() {
        var local = DateTimeFormatter.ofPattern("dd/MM/yyyy;HH:mm").withZone(ZoneId.of("Europe/Paris"));
        var text = new StringBuilder("\uFEFFDate - Heure;Date;Heure;Consommation brute gaz (MW PCS 0°C) - NaTran;"
                + "Statut - NaTran;Consommation brute gaz (MW PCS 0°C) - Teréga;Statut - Teréga;Consommation brute gaz"
                + " totale (MW PCS 0°C);Consommation brute électricité (MW) - RTE;Statut - RTE;Consommation brute"
                + " totale (MW);flag_ignore\n");
        String first = null;
        for (int i = 0; i < HALF_HOURS; i++) {
            Instant t = Instant.parse("2016-01-01T00:00:00Z").plusSeconds(1800L * i);
            String electricity = i == 50 || i == 301 ? "48abc" : Integer.toString(45000 + i);
            String gas = i % 2 == 0 ? (30000 + i) + ";Définitif;2000;Définitif;" + (32000 + i) : ";;;;";
            String line = t.toString().replace("Z", "+00:00") + ";" + local.format(t) + ";" + gas + ";" + electricity
                    + ";Consolidé;;non\n";
            text.append(line);
            if (first == null) {
                first = line;
            }
        }
        text.append(first);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Holds the first attempt of a job at {@link #GATE_LINE} until released. */
    static final class Gate {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);

        RecordSink holding(RecordSink sink) {
            return new RecordSink() {
                @Override
                public void accept(long line, EnergyWatchEvent event) {
                    hold(line);
                    sink.accept(line, event);
                }

                @Override
                public void reject(long line, @Nullable String field, String reason, String raw) {
                    hold(line);
                    sink.reject(line, field, reason, raw);
                }

                @Override
                public void progress(long bytesRead) {
                    sink.progress(bytesRead);
                }
            };
        }

        private void hold(long line) {
            if (line == GATE_LINE && reached.getCount() > 0) {
                reached.countDown();
                try {
                    if (!released.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Uploads read as usual, the first attempt of the first job to reach the gate held there. */
    @TestConfiguration
    static class Config {

        @Bean
        Gate gate() {
            return new Gate();
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        JobSource gatedUploads(SourceParsers parsers, JobRepository jobs, IngestionProperties properties, Gate gate) {
            var uploads = new UploadSource(parsers, jobs, properties);
            return new JobSource() {
                @Override
                public boolean handles(IngestionJob job) {
                    return uploads.handles(job);
                }

                @Override
                public void read(IngestionJob job, RecordSink sink) throws IOException {
                    uploads.read(job, job.attempt() == 1 ? gate.holding(sink) : sink);
                }
            };
        }
    }
}
