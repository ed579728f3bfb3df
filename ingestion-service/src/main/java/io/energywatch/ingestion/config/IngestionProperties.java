package io.energywatch.ingestion.config;

import io.energywatch.ingestion.formats.IngestionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every tunable of the ingestion service; defaults in application.yml.
 *
 * @param spoolDir          where uploads are kept until their job ends, so an interrupted job can resume
 * @param workers           jobs processed at once
 * @param batchSize         records stored and published per batch: a batch is the unit of commit
 * @param batchesInFlight   batches stored and sent whose acknowledgements may be awaited at once, so parsing and
 *                          MongoDB writes overlap Kafka's round trips
 * @param maxRejectionsKept rejections listed in a job report (all go to the dead-letter topic)
 * @param publishTimeout    how long a batch waits for Kafka's acknowledgements before the job fails
 * @param maxLineBytes      longer lines are rejected, so a single huge line cannot exhaust memory
 * @param outboxRelayDelay  how often stored-but-unpublished records of failed jobs are published again
 * @param pollers           HTTP sources polled on a schedule
 * @param pause             how a job whose store is down waits for it
 * @param order             how uploaded consumption records are put in time order
 */
@Validated
@ConfigurationProperties("energywatch.ingestion")
public record IngestionProperties(
        @NotNull Path spoolDir,
        @Min(1) @Max(16) int workers,
        @Min(1) @Max(20_000) int batchSize,
        @Min(1) @Max(16) int batchesInFlight,
        @Min(0) @Max(10_000) int maxRejectionsKept,
        @NotNull Duration publishTimeout,
        @Min(1024) int maxLineBytes,
        @NotNull Duration outboxRelayDelay,
        @Valid List<Poller> pollers,
        @Valid @NotNull Pause pause,
        @Valid @NotNull Order order) {

    public IngestionProperties {
        pollers = pollers == null ? List.of() : List.copyOf(pollers);
    }

    /**
     * Uploaded consumption records are released to the store in time order per series (see the architecture notes,
     * "Real exports: duplicates and order").
     *
     * @param reorderWindow  records held to sort them by time and resolve repeats among them; a record further out of
     *                       place is rejected. Memory: about 1 KB per record held
     * @param probeRecords   records read from the start of a line-based upload to tell whether it lists its series
     *                       newest first (then it is read from its last line up)
     */
    public record Order(@Min(0) @Max(1_000_000) int reorderWindow, @Min(2) @Max(100_000) int probeRecords) {
    }

    /**
     * A job paused because MongoDB or Kafka is unreachable checks the store again after {@code initialBackoff}, then
     * after waits multiplied by {@code multiplier} up to {@code maxBackoff}, until the store answers or the service
     * stops (the next start resumes it).
     *
     * @param initialBackoff first wait after the store failed
     * @param maxBackoff     longest wait between two checks
     * @param multiplier     growth of the wait between checks
     */
    public record Pause(@NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
                        @DecimalMin("1.0") double multiplier) {
    }

    /**
     * An HTTP source polled on a cron schedule. Conditional requests (ETag, Last-Modified) skip unchanged content; the
     * store's unique keys make a changed file add only its new records.
     *
     * @param id       stable name, shown as the origin of its jobs
     * @param url      what to GET
     * @param kind     what the source holds
     * @param format   source format, or null to detect it
     * @param cron     Spring cron expression
     * @param tz       zone of timestamps without offset, or null for Europe/Paris
     * @param attempts tries per run before the run fails
     * @param backoff  wait before the second try, doubled each time
     */
    public record Poller(@NotBlank String id, @NotBlank String url, @NotNull IngestionKind kind,
                         @Nullable String format, @NotBlank String cron, @Nullable String tz,
                         @Min(1) @Max(10) int attempts, @NotNull Duration backoff) {
    }
}
