package io.energywatch.drift.config;

import io.energywatch.analytics.drift.Correction;
import io.energywatch.analytics.drift.DriftAnalyzer;
import io.energywatch.analytics.drift.DriftThresholds;
import io.energywatch.contracts.DriftStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Every tunable of the drift service; defaults in application.yml.
 *
 * @param thresholds         status rules (seed report defaults)
 * @param correction         multiple-testing correction over the features of a report
 * @param ksExactLimit       largest reservoir size × current size for the exact KS p-value
 * @param quantileSampleSize current values sorted to read the current quantiles
 * @param upload             reports on two uploaded samples
 * @param registry           where reference profiles of model versions are read
 * @param models             model ids the scheduled runs analyse
 * @param window             the rolling window of enriched records
 * @param schedule           the light daily and full weekly runs
 * @param publishTimeout     how long a run waits for Kafka to acknowledge its DriftDetected event
 * @param store              MongoDB collection of reports
 * @param indices            Elasticsearch copy of reports
 */
@Validated
@ConfigurationProperties("energywatch.drift")
public record DriftProperties(@Valid @NotNull Thresholds thresholds, @NotNull Correction correction,
                              @Min(0) long ksExactLimit, @Min(100) @Max(10_000_000) int quantileSampleSize,
                              @Valid @NotNull Upload upload, @Valid @NotNull Registry registry, List<String> models,
                              @Valid @NotNull Window window, @Valid @NotNull Schedule schedule,
                              @NotNull Duration publishTimeout, @Valid @NotNull Store store,
                              @Valid @NotNull Indices indices) {

    public DriftProperties {
        models = models == null ? List.of() : List.copyOf(models);
    }

    public DriftAnalyzer.Settings analyzerSettings() {
        return new DriftAnalyzer.Settings(thresholds.toThresholds(), correction, ksExactLimit, quantileSampleSize);
    }

    /** See {@link DriftThresholds}. */
    public record Thresholds(@DecimalMin("0.0001") double psiSlight, @DecimalMin("0.0001") double psiModerate,
                             @DecimalMin("0.0001") double psiSignificant,
                             @DecimalMin("0.000001") @DecimalMax("0.5") double alpha,
                             @NotNull DriftStatus testRejectionFloor,
                             @DecimalMin("1e-12") @DecimalMax("0.01") double epsilon) {

        DriftThresholds toThresholds() {
            return new DriftThresholds(psiSlight, psiModerate, psiSignificant, alpha, testRejectionFloor, epsilon);
        }
    }

    /**
     * @param bins    quantile bins of the profile built from the reference sample
     * @param maxRows rows read from each file; a longer file is refused
     * @param seed    seed of the (full-size) reservoir of that profile
     * @param modelId model id of reports (and event keys) when the request names none
     */
    public record Upload(@Min(2) @Max(100) int bins, @Min(10) int maxRows, long seed, @NotBlank String modelId) {
    }

    /**
     * @param root  directory of the local model registry
     * @param alias the version analysed when a request names none
     */
    public record Registry(@NotNull Path root, @NotBlank String alias) {
    }

    /**
     * @param capacityRows rows kept (about 150 bytes each); the oldest go first
     * @param groupId      consumer group of the window's listener
     */
    public record Window(@Min(1_000) @Max(50_000_000) int capacityRows, @NotBlank String groupId) {
    }

    /**
     * @param lightCron    the daily run
     * @param lightWindow  what the daily run reads, ending now
     * @param lightMaxRows the daily run reads at most this many evenly spaced rows
     * @param fullCron     the weekly run, over every row of its window
     * @param fullWindow   what the weekly run reads
     * @param zone         zone of the cron expressions
     */
    public record Schedule(@NotBlank String lightCron, @NotNull Duration lightWindow, @Min(1_000) int lightMaxRows,
                           @NotBlank String fullCron, @NotNull Duration fullWindow, @NotNull ZoneId zone) {
    }

    public record Store(@NotBlank String collection) {
    }

    /**
     * @param drift      alias over the monthly report indices
     * @param retryDelay how often reports not yet indexed are indexed again
     */
    public record Indices(@NotBlank String drift, @Min(1) @Max(64) int shards, @Min(0) @Max(8) int replicas,
                          @NotNull Duration retryDelay) {
    }
}
