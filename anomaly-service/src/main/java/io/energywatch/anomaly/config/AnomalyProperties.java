package io.energywatch.anomaly.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import java.time.ZoneId;
import java.util.Map;

/**
 * Every tunable of the anomaly service; defaults in application.yml.
 *
 * @param pricePerMwhEur price of one MWh of deviation, for an anomaly's cost impact
 * @param detection      the Kafka side of streaming detection
 * @param stores         MongoDB collections
 * @param indices        Elasticsearch alias and connection
 * @param models         group forests: registry, training window, retraining schedule, threshold policy
 * @param clustering     load-profile clustering
 * @param notifications  alerting: rule sources, throttling, the notification outbox and its channels
 * @param upload         how {@code /detect} puts an uploaded series in order
 */
@Validated
@ConfigurationProperties("energywatch.anomaly")
public record AnomalyProperties(
        @PositiveOrZero double pricePerMwhEur,
        @Valid @NotNull Detection detection,
        @Valid @NotNull Stores stores,
        @Valid @NotNull Indices indices,
        @Valid @NotNull Models models,
        @Valid @NotNull Clustering clustering,
        @Valid @NotNull Notifications notifications,
        @Valid @NotNull Upload upload) {

    /**
     * @param reorderWindow  how many rows back {@code /detect} moves a row that comes after later ones; a row further
     *                       out of order is refused naming its line (0: the upload must already be in order)
     * @param detectorPreset the detector configuration {@code /detect} scores with: {@code detector-presets/<name>.yml}
     * @param detector       settings of that preset replaced, keyed {@code group.setting} as the preset spells them
     * @param cadBudget      how long {@code detector=cad} may score one upload; past it (a long, noise-like series
     *                       grows CAD's context memory and its time per row) the upload is scored by the streaming
     *                       detector instead, and the answer says so
     */
    public record Upload(@Min(0) @Max(1_000_000) int reorderWindow, @NotBlank String detectorPreset,
                         @NotNull Map<String, String> detector, @NotNull Duration cadBudget) {
        public Upload {
            detector = detector == null ? Map.of() : Map.copyOf(detector);
            if (cadBudget != null && (cadBudget.isNegative() || cadBudget.isZero())) {
                throw new IllegalArgumentException("energywatch.anomaly.upload.cad-budget " + cadBudget
                        + " must be positive");
            }
        }
    }

    /**
     * @param groupId             consumer group of the detector
     * @param maxPollRecords      records per batch: a batch is the unit of commit
     * @param initialBackoff      first wait before a failed batch is retried
     * @param maxBackoff          longest wait between retries (retries never stop: a store being down delays, never drops)
     * @param publishTimeout      how long a batch waits for the anomalies topic to acknowledge
     * @param rememberedAnomalies anomalies kept per series so a redelivered batch stores and publishes the same ones
     * @param severity            cut points of the calibrated score: the anomaly threshold and the severity bands
     * @param detectorPreset      the stream detectors' configuration: {@code detector-presets/<name>.yml}
     * @param detector            settings of that preset replaced, keyed {@code group.setting} as the preset spells
     *                            them ({@code alarm.z}, {@code profile.window})
     */
    public record Detection(@NotBlank String groupId, @Min(1) @Max(10_000) int maxPollRecords,
                            @NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
                            @NotNull Duration publishTimeout, @Min(1) int rememberedAnomalies,
                            @Valid @NotNull Severity severity, @NotBlank String detectorPreset,
                            @NotNull Map<String, String> detector) {
        public Detection {
            detector = detector == null ? Map.of() : Map.copyOf(detector);
        }
    }

    /**
     * Cut points on the calibrated [0, 1] score: at or above {@code threshold} a row is an anomaly (LOW), then MEDIUM,
     * HIGH and CRITICAL from their own cut points; increasing.
     */
    public record Severity(@DecimalMin("0.01") @DecimalMax("0.99") double threshold,
                           @DecimalMin("0.01") @DecimalMax("0.99") double medium,
                           @DecimalMin("0.01") @DecimalMax("0.99") double high,
                           @DecimalMin("0.01") @DecimalMax("0.999") double critical) {
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
     * @param minHistory        a group's first forest is trained once its rows span this (stream time)
     * @param retrainEvery      a new version of each group's forest after this much stream time
     * @param forestAlone       the forest's calibrated score at which it flags a row the streaming detector does not
     *                          (0.5 is the plain maximum of the two scores, above 1 never; see ScoreCombination)
     * @param contamination     share of anomalies expected in a training window: sets the forest's threshold
     * @param minContamination  lowest contamination false-positive feedback can push the next version to
     * @param driftGroupId      consumer group of the drift listener
     * @param publishTimeout    longest wait for Kafka to acknowledge a model's lifecycle event before training
     *                          answers 503 naming Kafka
     */
    public record Models(@NotNull Path registryDir, @Min(100) int framesPerGroup, @NotNull Period trainingWindow,
                         @Min(2) int minTrainingFrames, @NotNull Period minHistory, @NotNull Period retrainEvery,
                         @DecimalMin("0.5") double forestAlone,
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

    /**
     * @param anomalyGroupId       consumer group reading the anomalies topic for alert rules
     * @param driftGroupId         consumer group reading the drift topic for alert rules
     * @param zone                 time zone of the rules' quiet hours
     * @param defaultThrottle      throttle window of a rule that sets none
     * @param maxEventAge          events detected longer ago than this raise no notification (a new consumer group
     *                             starts at the topic's beginning; old detections are history, not alerts)
     * @param dispatchInterval     pause between two passes of the outbox dispatcher
     * @param dispatchBatch        due notifications one pass sends at most
     * @param maxAttempts          delivery attempts before a notification is DEAD
     * @param initialBackoff       wait after the first failed attempt; doubles after each further one
     * @param maxBackoff           longest wait between two attempts
     * @param claimTimeout         how long a notification being sent stays invisible to other dispatchers; longer
     *                             than any send's timeout, so a dispatcher that died mid-send is retried after it
     * @param listenerInitialBackoff first wait before a failed alert evaluation (MongoDB down) is retried
     * @param listenerMaxBackoff   longest wait between those retries (they never stop: nothing is skipped)
     * @param webhook              webhook channel
     * @param mail                 e-mail channel (the SMTP server itself is {@code spring.mail.*})
     * @param collections          MongoDB collections of rules, outbox and throttle state
     */
    public record Notifications(@NotBlank String anomalyGroupId, @NotBlank String driftGroupId, @NotNull ZoneId zone,
                                @NotNull Duration defaultThrottle, @NotNull Duration maxEventAge,
                                @NotNull Duration dispatchInterval, @Min(1) @Max(1000) int dispatchBatch,
                                @Min(1) @Max(100) int maxAttempts, @NotNull Duration initialBackoff,
                                @NotNull Duration maxBackoff, @NotNull Duration claimTimeout,
                                @NotNull Duration listenerInitialBackoff, @NotNull Duration listenerMaxBackoff,
                                @Valid @NotNull Webhook webhook, @Valid @NotNull Mail mail,
                                @Valid @NotNull Collections collections) {
    }

    /**
     * @param connectTimeout longest wait for the receiver's TCP connection
     * @param requestTimeout longest wait for the receiver's answer; no answer in time is a failed attempt
     * @param secrets        HMAC secrets by reference: a rule names the reference, the secret never leaves the
     *                       configuration (and never lands in MongoDB or an API answer)
     */
    public record Webhook(@NotNull Duration connectTimeout, @NotNull Duration requestTimeout,
                          Map<String, String> secrets) {
        public Webhook {
            secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        }
    }

    /** @param from sender address of notification e-mails */
    public record Mail(@NotBlank String from) {
    }

    public record Collections(@NotBlank String rules, @NotBlank String notifications, @NotBlank String throttles) {
    }
}
