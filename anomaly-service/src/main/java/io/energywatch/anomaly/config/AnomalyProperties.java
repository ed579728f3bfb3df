package io.energywatch.anomaly.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

/**
 * Every tunable of the anomaly service; defaults in application.yml.
 *
 * @param pricePerMwhEur price of one MWh of deviation, for an anomaly's cost impact
 * @param detection      the Kafka side of streaming detection
 * @param stores         MongoDB collections
 * @param indices        Elasticsearch alias and connection
 * @param models         group forests: registry, training window, retraining schedule, threshold policy
 * @param clustering     load-profile clustering
 */
@Validated
@ConfigurationProperties("energywatch.anomaly")
public record AnomalyProperties(
        @PositiveOrZero double pricePerMwhEur,
        @Valid @NotNull Detection detection,
        @Valid @NotNull Stores stores,
        @Valid @NotNull Indices indices,
        @Valid @NotNull Models models,
        @Valid @NotNull Clustering clustering) {

    /**
     * @param groupId             consumer group of the detector
     * @param maxPollRecords      records per batch: a batch is the unit of commit
     * @param initialBackoff      first wait before a failed batch is retried
     * @param maxBackoff          longest wait between retries (retries never stop: a store being down delays, never drops)
     * @param publishTimeout      how long a batch waits for the anomalies topic to acknowledge
     * @param rememberedAnomalies anomalies kept per series so a redelivered batch stores and publishes the same ones
     */
    public record Detection(@NotBlank String groupId, @Min(1) @Max(10_000) int maxPollRecords,
                            @NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
                            @NotNull Duration publishTimeout, @Min(1) int rememberedAnomalies) {
    }

    public record Stores(@NotBlank String anomalies, @NotBlank String feedback, @NotBlank String models) {
    }

    public record Indices(@NotBlank String anomalies, @Min(1) int shards, @PositiveOrZero int replicas) {
    }

    /**
     * @param registryDir       root of the local model registry
     * @param framesPerGroup    feature frames kept in memory per series group, the pool training windows are cut from
     * @param trainingWindow    window of the scheduled and drift-triggered retrainings, ending now (stream time)
     * @param minTrainingFrames fewer usable frames than this and no model is trained
     * @param retrainCron       when every group with a champion is retrained
     * @param contamination     share of anomalies expected in a training window: sets the forest's threshold
     * @param minContamination  lowest contamination false-positive feedback can push the next version to
     * @param driftGroupId      consumer group of the drift listener
     * @param publishTimeout    longest wait for Kafka to acknowledge a model's lifecycle event before training
     *                          answers 503 naming Kafka
     */
    public record Models(@NotNull Path registryDir, @Min(100) int framesPerGroup, @NotNull Period trainingWindow,
                         @Min(2) int minTrainingFrames, @NotBlank String retrainCron,
                         @Positive @DecimalMax("0.49") double contamination, @Positive double minContamination,
                         @NotBlank String driftGroupId, @NotNull Duration publishTimeout) {
    }

    /**
     * @param maxK             largest k KMeans tries unless the request says otherwise
     * @param dbscanNeighbours k of DBSCAN's k-distance curve, also its minPts
     * @param kmeansIterations iteration cap of each KMeans run
     * @param seed             random seed, so the same profiles give the same clusters
     */
    public record Clustering(@Min(2) @Max(20) int maxK, @Min(1) int dbscanNeighbours, @Min(1) int kmeansIterations,
                             long seed) {
    }
}
