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
 * @param watch              which models are watched, and the runs at stream time
 * @param actions            how recommended actions are derived from a report
 * @param monthly            the monthly report
 */
@Validated
@ConfigurationProperties("energywatch.drift")
public record DriftProperties(@Valid @NotNull Thresholds thresholds, @NotNull Correction correction,
                              @Min(0) long ksExactLimit, @Min(100) @Max(10_000_000) int quantileSampleSize,
                              @Valid @NotNull Upload upload, @Valid @NotNull Registry registry, List<String> models,
                              @Valid @NotNull Window window, @Valid @NotNull Schedule schedule,
                              @NotNull Duration publishTimeout, @Valid @NotNull Store store,
                              @Valid @NotNull Indices indices, @Valid @NotNull Watch watch,
                              @Valid @NotNull Actions actions, @Valid @NotNull Monthly monthly) {

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
     * @param zone         zone of the cron expressions, and of the local days windows end at
     * @param dailyLightWindow what the daily run of a model of daily rows (a forecaster) reads: a day is one row
     * @param dailyFullWindow  what the weekly run of such a model reads
     * @param minRowsWithoutTest below this many current values a feature's PSI alone cannot raise it above SLIGHT
     */
    public record Schedule(@NotBlank String lightCron, @NotNull Duration lightWindow, @Min(1_000) int lightMaxRows,
                           @NotBlank String fullCron, @NotNull Duration fullWindow, @NotNull ZoneId zone,
                           @NotNull Duration dailyLightWindow, @NotNull Duration dailyFullWindow,
                           @Min(0) int minRowsWithoutTest) {
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

    /**
     * @param refreshInterval how often the registries are asked for champions (also on every models-topic event)
     * @param modelsGroupId   consumer group reading {@code energywatch.models.v1}
     * @param catchUp         runs at stream time, besides the crons
     * @param mlflow          the MLflow registry, when a tracking URI is set
     */
    public record Watch(@NotNull Duration refreshInterval, @NotBlank String modelsGroupId, @Valid @NotNull CatchUp catchUp,
                        @Valid @NotNull Mlflow mlflow) {
    }

    /**
     * @param enabled       run a model when its stream time has advanced by a light (full) window since its last light
     *                      (full) run, and the window holds data after its training window
     * @param checkInterval how often that is checked; each check runs at most one light and one full run per model
     */
    public record CatchUp(boolean enabled, @NotNull Duration checkInterval) {
    }

    /**
     * @param trackingUri MLflow tracking server; blank when MLflow is not used
     * @param timeout     connect and request timeout
     * @param pageSize    registered models read per search request
     */
    public record Mlflow(String trackingUri, @NotNull Duration timeout, @Min(1) @Max(1000) int pageSize) {

        public boolean configured() {
            return trackingUri != null && !trackingUri.isBlank();
        }
    }

    /**
     * @param missingShare a weather feature missing from more than this share of current rows points at its source
     * @param maxFeatures  INVESTIGATE_FEATURE actions per report, most drifted first
     */
    public record Actions(@DecimalMin("0.0") @DecimalMax("1.0") double missingShare, @Min(1) @Max(100) int maxFeatures) {
    }

    /**
     * @param maxReports  reports read for one month; more is refused rather than summarised from a part
     * @param topFeatures features listed per model, by their highest PSI of the month
     */
    public record Monthly(@Min(1) @Max(1_000_000) int maxReports, @Min(1) @Max(100) int topFeatures) {
    }
}
