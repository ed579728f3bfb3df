package io.energywatch.analytics.ensemble;

import io.energywatch.analytics.anomaly.AnomalyAdvice;
import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.Feature;
import io.energywatch.analytics.anomaly.FeatureFrame;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An ensemble of diverse per-series detectors: the {@link StreamingDetector} (residuals against learned baselines),
 * a {@link ShingleForest} (unusual recent shapes) and a {@link WindowEntropy} (unusual recent distributions). The
 * forest's and the entropy's scores have no common scale, so each becomes a tail probability among that member's own
 * recent scores on this series ({@link ConformalRank}); the smallest, Bonferroni-corrected over those members, is
 * their evidence, and an incident they see is reported at its onset (while their episode is open, rows that do not
 * clearly exceed its evidence are damped). The streaming member keeps its own calibrated score, which is comparable
 * across series (a conformal rank is not: it gives every series the same share of small probabilities, which cost
 * the NAB score 28 points, docs/evaluation.md); the row's score is the larger of the two, so the ensemble never
 * scores a row lower than its streaming member. Causal, trains nothing ahead, one instance per series; not
 * thread-safe.
 */
public final class EnsembleDetector {

    private final EnsembleConfig config;
    private final StreamingDetector streaming;
    private final @Nullable ShingleForest forest;
    private final @Nullable WindowEntropy entropy;
    private final ConformalRank forestRank;
    private final ConformalRank entropyRank;
    private final double alarmEvidence;
    private final int voters;
    private double episodeLevel;
    private long lastEpochSecond = Long.MIN_VALUE;

    public EnsembleDetector(EnsembleConfig config) {
        this.config = config;
        this.streaming = new StreamingDetector(config.streaming());
        var members = config.members();
        var f = config.forest();
        // A fixed seed: the same upload gets the same scores.
        this.forest = members.forest()
                ? new ShingleForest(f.shingle(), f.windowRows(), f.refitEvery(), f.trees(), f.sampleSize(), 17L)
                : null;
        var e = config.entropy();
        this.entropy = members.entropy()
                ? new WindowEntropy(e.recentRows(), e.referenceRows(), e.bins(), e.rebinEvery())
                : null;
        this.forestRank = new ConformalRank(config.calibrationRows(), config.minCalibrationRows());
        this.entropyRank = new ConformalRank(config.calibrationRows(), config.minCalibrationRows());
        this.alarmEvidence = -Math.log10(config.alarmProbability());
        this.voters = (members.forest() ? 1 : 0) + (members.entropy() ? 1 : 0);
    }

    public EnsembleConfig config() {
        return config;
    }

    /** Scores {@code o} against the series so far, then learns it. */
    public Detection next(Observation o) {
        Detection d = streaming.next(o);
        if (o.value() == null) {
            return d;
        }
        double value = o.value();
        double p = 1;
        if (forest != null) {
            p = Math.min(p, rank(forestRank, forest.scoreAndLearn(value)));
        }
        if (entropy != null) {
            p = Math.min(p, rank(entropyRank, entropy.scoreAndLearn(value)));
        }
        if (d.warmingUp()) {
            return d;
        }
        double evidence = voters == 0 ? 0 : -Math.log10(Math.min(1, voters * p));
        long now = o.timestamp().getEpochSecond();
        if (lastEpochSecond != Long.MIN_VALUE && now > lastEpochSecond) {
            episodeLevel *= Math.pow(0.5, (now - lastEpochSecond) / (double) config.episodeHalfLife().toSeconds());
        }
        lastEpochSecond = now;
        boolean fresh = evidence >= config.episodeEscalation() * episodeLevel;
        if (evidence >= alarmEvidence) {
            episodeLevel = Math.max(episodeLevel, evidence);
        }
        double others = calibrate(fresh ? evidence : evidence * config.episodeDamping());
        boolean withStreaming = config.members().streaming();
        double score = withStreaming ? Math.max(d.score(), others) : others;
        double strength = withStreaming ? Math.max(d.strength(), calibrate(evidence)) : calibrate(evidence);
        Severity severity = config.streaming().alarm().severities().severityOf(score);
        FeatureFrame frame = d.features();
        if (severity == null) {
            return new Detection(o.timestamp(), o.value(), score, strength, false, null, null,
                    d.expected(), d.expectedLow(), d.expectedHigh(), List.of(), null, false, d.streamingScore(),
                    d.forestScore(), frame);
        }
        AnomalyType type = d.anomaly() && d.type() != null ? d.type() : typeOf(config.streaming(), frame);
        return new Detection(o.timestamp(), o.value(), score, strength, true, severity, type,
                d.expected(), d.expectedLow(), d.expectedHigh(), d.contributions(), AnomalyAdvice.recommendation(type),
                false, d.streamingScore(), d.forestScore(), frame);
    }

    private static double rank(ConformalRank rank, double score) {
        double p = rank.tailProbability(score);
        rank.add(score);
        return p;
    }

    /** 0.5 at the alarm evidence, rising towards 1 like its square (the streaming detector's mapping). */
    private double calibrate(double evidence) {
        double e2 = evidence * evidence;
        return e2 / (e2 + alarmEvidence * alarmEvidence);
    }

    /**
     * The type of a row the streaming member did not flag, from its features: a repeated value is a stuck meter, a
     * moving long-term mean a drift, an accumulated residual a shift, otherwise a spike or a drop by its sign.
     */
    static AnomalyType typeOf(DetectorConfig s, FeatureFrame frame) {
        if (frame.has(Feature.RUN_LENGTH) && frame.get(Feature.RUN_LENGTH) >= s.stuck().minRun()) {
            return AnomalyType.STUCK_METER;
        }
        if (frame.has(Feature.DRIFT) && Math.abs(frame.get(Feature.DRIFT)) >= s.drift().threshold()) {
            return AnomalyType.GRADUAL_DRIFT;
        }
        if (frame.has(Feature.LEVEL_CUSUM) && Math.abs(frame.get(Feature.LEVEL_CUSUM)) >= s.cusum().threshold()) {
            return AnomalyType.LEVEL_SHIFT;
        }
        return frame.residualZ() >= 0 ? AnomalyType.SPIKE : AnomalyType.DROP;
    }
}
