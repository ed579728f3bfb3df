package io.energywatch.analytics.ensemble;

import io.energywatch.analytics.anomaly.DetectorConfig;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The ensemble detector's settings: which members run, their windows, the conformal calibration and the episode
 * logic that reports an incident at its onset.
 *
 * @param streaming           the streaming detector member's configuration (its zone is the series')
 * @param members             which members run (the streaming member's score is used as it is; the forest and the
 *                            entropy vote through their conformal tail probabilities)
 * @param forest              the shingle isolation forest member
 * @param entropy             the relative-entropy member
 * @param calibrationRows     recent scores of the same member a forest or entropy score is ranked among (its
 *                            conformal calibration set)
 * @param minCalibrationRows  scores a member needs before its tail probability can fall below 1
 * @param alarmProbability    tail probability of the forest and entropy members (after the Bonferroni correction
 *                            over them) at which their score reaches 0.5, the anomaly threshold of the default
 *                            severities: their weight against the streaming member's score
 * @param episodeHalfLife     half-life of an open episode's evidence: while it lasts, rows of no more than
 *                            {@code episodeEscalation} times that evidence score {@code episodeDamping} times lower,
 *                            so one incident is reported once, at its onset
 * @param episodeEscalation   how much more evidence than the open episode a row needs to score in full again
 * @param episodeDamping      factor on the evidence of rows inside an open episode
 */
public record EnsembleConfig(
        DetectorConfig streaming,
        Members members,
        Forest forest,
        Entropy entropy,
        int calibrationRows,
        int minCalibrationRows,
        double alarmProbability,
        Duration episodeHalfLife,
        double episodeEscalation,
        double episodeDamping) {

    /** Which members vote; at least one. */
    public record Members(boolean streaming, boolean forest, boolean entropy) {

        public static final Members ALL = new Members(true, true, true);

        public Members {
            if (!streaming && !forest && !entropy) {
                throw new IllegalArgumentException("members: at least one of streaming, forest, entropy must vote");
            }
        }
    }

    /** See {@link ShingleForest}. */
    public record Forest(int shingle, int windowRows, int refitEvery, int trees, int sampleSize) {

        public Forest {
            if (shingle < 1 || trees < 1 || sampleSize < 2 || refitEvery < 1 || windowRows < sampleSize) {
                throw new IllegalArgumentException("forest: shingle " + shingle + ", windowRows " + windowRows
                        + ", refitEvery " + refitEvery + ", trees " + trees + ", sampleSize " + sampleSize
                        + ": need positive sizes and windowRows >= sampleSize >= 2");
            }
        }
    }

    /** See {@link WindowEntropy}. */
    public record Entropy(int recentRows, int referenceRows, int bins, int rebinEvery) {

        public Entropy {
            if (recentRows < 1 || referenceRows < bins || bins < 2 || rebinEvery < 1) {
                throw new IllegalArgumentException("entropy: recentRows " + recentRows + ", referenceRows "
                        + referenceRows + ", bins " + bins + ", rebinEvery " + rebinEvery
                        + ": need referenceRows >= bins >= 2");
            }
        }
    }

    public EnsembleConfig {
        Objects.requireNonNull(streaming, "streaming");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(forest, "forest");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(episodeHalfLife, "episodeHalfLife");
        if (minCalibrationRows < 1 || minCalibrationRows > calibrationRows) {
            throw new IllegalArgumentException("minCalibrationRows " + minCalibrationRows
                    + " must be within 1..calibrationRows " + calibrationRows);
        }
        if (!(alarmProbability > 0 && alarmProbability < 1)) {
            throw new IllegalArgumentException("alarmProbability " + alarmProbability + " must be within (0, 1)");
        }
        if (episodeHalfLife.isNegative() || episodeHalfLife.isZero()) {
            throw new IllegalArgumentException("episodeHalfLife " + episodeHalfLife + " must be positive");
        }
        if (!(episodeEscalation >= 1) || !(episodeDamping > 0 && episodeDamping <= 1)) {
            throw new IllegalArgumentException("episodeEscalation " + episodeEscalation + " must be >= 1 and "
                    + "episodeDamping " + episodeDamping + " within (0, 1]");
        }
    }

    /**
     * The NAB preset's streaming member with the forest and entropy members; the alarm probability is the one the
     * leave-one-category-out protocol chose on the whole corpus from its grid 1e-3..1e-6 (docs/evaluation.md).
     */
    public static EnsembleConfig defaults() {
        return new EnsembleConfig(DetectorConfig.defaults(), Members.ALL, new Forest(8, 512, 128, 50, 128),
                new Entropy(16, 512, 8, 32), 2000, 200, 1e-5, Duration.ofDays(1), 1.5, 0.3);
    }

    public EnsembleConfig withZone(ZoneId zone) {
        return withStreaming(streaming.withZone(zone));
    }

    public EnsembleConfig withStreaming(DetectorConfig newStreaming) {
        return new EnsembleConfig(newStreaming, members, forest, entropy, calibrationRows, minCalibrationRows,
                alarmProbability, episodeHalfLife, episodeEscalation, episodeDamping);
    }

    public EnsembleConfig withMembers(Members newMembers) {
        return new EnsembleConfig(streaming, newMembers, forest, entropy, calibrationRows, minCalibrationRows,
                alarmProbability, episodeHalfLife, episodeEscalation, episodeDamping);
    }
}
