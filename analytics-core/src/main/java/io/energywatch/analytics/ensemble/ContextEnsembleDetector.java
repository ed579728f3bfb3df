package io.energywatch.analytics.ensemble;

import io.energywatch.analytics.anomaly.AnomalyAdvice;
import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.FeatureFrame;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.analytics.nab.NabScorer;
import io.energywatch.contracts.AnomalyDetected.FeatureContribution;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;

import java.util.List;

/**
 * The streaming detector (residuals against learned baselines) with a CAD OSE member (which value patterns follow
 * which, {@link ContextAnomalyDetector}): the row's score is the larger of the streaming score and the CAD score
 * mapped onto the same scale ({@link ContextEnsembleConfig#score}). Each member reports an incident once, at its
 * onset, by its own episode logic (the streaming member's damping, CAD's rest period). When the streaming member
 * votes, rows of its warm-up keep its answer and CAD learns them; when CAD votes alone
 * ({@link ContextEnsembleConfig#wholeSeries()}) it scores every row and the streaming member only explains: the
 * expected value and, once it has a baseline, the type. Causal, one instance per series; not thread-safe.
 */
public final class ContextEnsembleDetector {

    /** The explanation's name for CAD OSE's score: how new the value's pattern is to what it has learned. */
    public static final String CONTEXT_NOVELTY = "context_novelty";

    private final ContextEnsembleConfig config;
    private final StreamingDetector streaming;
    private final ContextAnomalyDetector context;
    /** Leading rows only learned, never flagged (NAB's probationary period for a series known in full). */
    private final int learningRows;
    private int rowsSeen;

    public ContextEnsembleDetector(ContextEnsembleConfig config) {
        this(config, new ContextAnomalyDetector(config.context()), 0);
    }

    private ContextEnsembleDetector(ContextEnsembleConfig config, ContextAnomalyDetector context, int learningRows) {
        this.config = config;
        this.streaming = new StreamingDetector(config.streaming());
        this.context = context;
        this.learningRows = learningRows;
    }

    /**
     * A detector for a series known in full before its first row is scored (an upload): CAD OSE quantises over the
     * series' minimum and maximum and rests NAB's rest period for its length, as NAB runs it
     * ({@link ContextEnsembleConfig.Context#nabRestRows}); its first rows, NAB's probationary period (15 %, at most
     * 750), are learned and answered as warming up, so a short series is not flagged while every pattern is new.
     * Each row's score still depends only on the rows before it, that range and the length. {@code values} may hold
     * nulls (missing readings), which are not scored.
     */
    public static ContextEnsembleDetector overSeries(ContextEnsembleConfig config, List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        var settings = config.context().withRestRows(ContextEnsembleConfig.Context.nabRestRows(values.size()));
        var sized = config.withContext(settings);
        int learning = (int) NabScorer.probationaryLength(NabScorer.PROBATIONARY_PERCENT, values.size());
        return new ContextEnsembleDetector(sized, ContextAnomalyDetector.overRange(settings, min, max), learning);
    }

    public ContextEnsembleConfig config() {
        return config;
    }

    /** Scores {@code o} against the series so far, then learns it. */
    public Detection next(Observation o) {
        Detection d = streaming.next(o);
        if (o.value() == null) {
            return d;
        }
        double contextScore = config.members().context() ? context.scoreAndLearn(o.value()) : 0;
        // The streaming member's warm-up silences it only: CAD alone speaks from the first row, as the original does.
        if (d.warmingUp() && config.members().streaming()) {
            return d;
        }
        if (rowsSeen++ < learningRows) {
            return new Detection(o.timestamp(), o.value(), 0, 0, false, null, null, d.expected(), d.expectedLow(),
                    d.expectedHigh(), List.of(), null, true, d.streamingScore(), d.forestScore(), d.features());
        }
        double score = config.score(d.score(), contextScore);
        double strength = config.members().streaming() ? Math.max(d.strength(), score) : score;
        Severity severity = config.streaming().alarm().severities().severityOf(score);
        FeatureFrame frame = d.features();
        if (severity == null) {
            return new Detection(o.timestamp(), o.value(), score, strength, false, null, null, d.expected(),
                    d.expectedLow(), d.expectedHigh(), List.of(), null, false, d.streamingScore(), d.forestScore(),
                    frame);
        }
        AnomalyType type = d.anomaly() && d.type() != null ? d.type()
                : Double.isNaN(frame.residualZ()) ? (context.lastInUpperHalf() ? AnomalyType.SPIKE : AnomalyType.DROP)
                : EnsembleDetector.typeOf(config.streaming(), frame);
        // The member that set the score explains it: CAD's novelty (the share of its contexts that failed) or the
        // streaming member's features.
        boolean contextDecided = !config.members().streaming() || score > d.score();
        List<FeatureContribution> contributions = contextDecided
                ? List.of(new FeatureContribution(CONTEXT_NOVELTY, contextScore, 1.0)) : d.contributions();
        return new Detection(o.timestamp(), o.value(), score, strength, true, severity, type, d.expected(),
                d.expectedLow(), d.expectedHigh(), contributions, AnomalyAdvice.recommendation(type), false,
                d.streamingScore(), d.forestScore(), frame);
    }
}
