package io.energywatch.prediction.config;

import io.energywatch.analytics.forecast.FeatureSettings;
import io.energywatch.analytics.forecast.ForecastEngineSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every tunable of the prediction service; defaults in application.yml.
 *
 * @param zone     the zone of local days (Europe/Paris)
 * @param history  the daily history kept from the enriched stream
 * @param engine   the forecast engine's hyper-parameters
 * @param forecast what a forecast may ask and which algorithms compete for it
 * @param models   registry, MLflow and the drift listener
 * @param issuance scheduled forecasts and their realised accuracy
 * @param backtests where backtest jobs are kept
 * @param weatherForecasts the weather forecasts consumed for future days
 * @param carbon   the model-run log's sink and the carbon report
 */
@Validated
@ConfigurationProperties("energywatch.prediction")
public record PredictionProperties(
        @NotNull ZoneId zone,
        @Valid @NotNull History history,
        @Valid @NotNull Engine engine,
        @Valid @NotNull Forecast forecast,
        @Valid @NotNull Models models,
        @Valid @NotNull Indices indices,
        @Valid @NotNull Issuance issuance,
        @Valid @NotNull Backtests backtests,
        @Valid @NotNull WeatherForecasts weatherForecasts,
        @Valid @NotNull Carbon carbon) {

    /**
     * The model runs of every service ({@code energywatch.model-runs.v1}) indexed into the model-runs index, and the
     * carbon report over them.
     *
     * @param groupId          consumer group of the model-run sink
     * @param maxGroups        groups (models, services or days) a report lists at most
     * @param carKgCo2PerKm    the report's car equivalence: kg CO2e per km driven by an average car
     * @param gridArea         the area whose measured grid intensity prices the runs (FR: the services run in France)
     * @param intensityCollection MongoDB collection of the measured grid intensity, one document per area and hour
     * @param intensityGroupId consumer group of the grid intensity listener
     * @param intensityBatchSize intensities read per poll (each batch re-prices the runs of its hours in one search)
     */
    public record Carbon(@NotBlank String groupId, @Min(1) @Max(10_000) int maxGroups,
                         @DecimalMin(value = "0", inclusive = false) double carKgCo2PerKm,
                         @NotBlank String gridArea, @NotBlank String intensityCollection,
                         @NotBlank String intensityGroupId, @Min(1) @Max(1_000) int intensityBatchSize) {
    }

    /**
     * @param collection MongoDB collection of the weather forecasts, one document per region, target day and issue
     * @param groupId    consumer group of the weather forecasts listener
     * @param batchSize  forecasts written per batch (one bulk of upserts)
     */
    public record WeatherForecasts(@NotBlank String collection, @NotBlank String groupId,
                                   @Min(1) @Max(50_000) int batchSize) {
    }

    /**
     * Forecasts issued without a request, and the realised accuracy of each once its actual is known.
     *
     * @param enabled            whether champions are trained and forecasts issued on their own
     * @param horizonsDays       issuance horizons: a champion per horizon, each issuing days 1..h after the base day
     * @param cron               wall-clock issuance for every series (Spring cron, in the service's zone)
     * @param checkInterval      how often the catch-up looks for series whose history reached a new complete day
     * @param quietPeriod        the catch-up waits until the history listener received nothing for this long, so a
     *                           replayed or bulk-loaded history is forecast once, from its end, not day after day
     * @param issuesCollection   MongoDB collection of the issued forecasts
     * @param accuracyCollection MongoDB collection of the realised accuracy records
     * @param accuracyIndex      alias over the monthly accuracy indices ({@code <alias>-yyyy.MM}, by target day)
     */
    public record Issuance(boolean enabled, @NotEmpty List<@Min(1) Integer> horizonsDays,
                           @NotBlank String cron, @NotNull Duration checkInterval, @NotNull Duration quietPeriod,
                           @NotBlank String issuesCollection, @NotBlank String accuracyCollection,
                           @NotBlank String accuracyIndex) {
    }

    /** @param collection MongoDB collection of the backtest jobs, so that a restart keeps them */
    public record Backtests(@NotBlank String collection) {
    }

    /**
     * Where forecasts and training runs are indexed for dashboards.
     *
     * @param forecasts         alias over the monthly forecast indices ({@code <alias>-yyyy.MM})
     * @param groupId           consumer group of the indexing listener on the forecasts topic
     * @param modelRuns         alias over the monthly training-run indices ({@code <alias>-yyyy.MM})
     * @param modelRunsGroupId  consumer group of the indexing listener on the models topic
     */
    public record Indices(@NotBlank String forecasts, @NotBlank String groupId, @NotBlank String modelRuns,
                          @NotBlank String modelRunsGroupId) {
    }

    /**
     * @param collection MongoDB collection of the daily history
     * @param groupId    consumer group of the enriched-stream listener
     * @param batchSize  enriched records written per batch (one upsert per series and day of the batch)
     */
    public record History(@NotBlank String collection, @NotBlank String groupId, @Min(1) @Max(50_000) int batchSize) {
    }

    /**
     * @param hddBaseC    heating degree-day base
     * @param cddBaseC    cooling degree-day base
     * @param latitudeDeg latitude for day lengths (series of one region would use the region's; national is the default)
     * @param weatherFeatureMinShare share of the training days (with an energy and a mean temperature) that must have
     *                    an optional weather measure (max/min temperature, wind, humidity, cloud cover, visibility) for
     *                    it to become a feature; days without it get an imputed value
     */
    public record Engine(double hddBaseC, double cddBaseC, double latitudeDeg,
                         @DecimalMin("0") @DecimalMax("1") double weatherFeatureMinShare,
                         @DecimalMin("0") double ridgeLambda,
                         @Min(1) int forestTrees, @Min(1) int forestMaxDepth, @Min(2) int forestMaxNodes,
                         @Min(1) int forestNodeSize, @Min(1) int boostingTrees, @Min(1) int boostingMaxDepth,
                         @Min(2) int boostingMaxNodes, @Min(1) int boostingNodeSize,
                         @Positive double boostingShrinkage, @Min(1) int climatologyWindowDays,
                         @Min(1) @Max(10) int cvFolds, long seed) {

        public ForecastEngineSettings settings() {
            return new ForecastEngineSettings(
                    new FeatureSettings(hddBaseC, cddBaseC, latitudeDeg, 1, weatherFeatureMinShare), ridgeLambda,
                    forestTrees, forestMaxDepth, forestMaxNodes, forestNodeSize, boostingTrees, boostingMaxDepth,
                    boostingMaxNodes, boostingNodeSize, boostingShrinkage, climatologyWindowDays, cvFolds, seed);
        }
    }

    /**
     * @param maxHorizonDays     longest forecast a request may ask for
     * @param minTrainingDays    fewer usable history days than this and no model is trained
     * @param algorithms         candidates of a forecast's champion selection (ids of {@code Algorithm})
     * @param promotionWindowDays the last days of the history on which a new version must beat the champion: the
     *                            new version's algorithm is trained up to the window and tested on it, the champion
     *                            is scored on it as it is
     */
    public record Forecast(@Min(1) int maxHorizonDays, @Min(14) int minTrainingDays, @NotEmpty List<String> algorithms,
                           @Min(7) int promotionWindowDays) {
    }

    /**
     * @param registryDir         root of the local registry, used when no MLflow tracking URI is set
     * @param mlflowTrackingUri   MLflow server; blank means the local registry
     * @param mlflowExperiment    experiment the training runs are logged under
     * @param mlflowTimeout       timeout of artifact uploads and downloads
     * @param driftGroupId        consumer group of the drift listener
     * @param retrainingCron      when every forecaster with a champion is retrained on its grown history (Spring cron)
     */
    public record Models(@NotNull Path registryDir, String mlflowTrackingUri, @NotBlank String mlflowExperiment,
                         @NotNull Duration mlflowTimeout, @NotBlank String driftGroupId,
                         @NotBlank String retrainingCron) {
    }
}
