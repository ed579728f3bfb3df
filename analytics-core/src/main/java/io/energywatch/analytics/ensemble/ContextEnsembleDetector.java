package io.energywatch.analytics.ensemble;

import io.energywatch.analytics.anomaly.AnomalyAdvice;
import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.FeatureFrame;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;

import java.util.List;

/**
 * The streaming detector (residuals against learned baselines) with a CAD OSE member (which value patterns follow
 * which, {@link ContextAnomalyDetector}): the row's score is the larger of the streaming score and the CAD score
 * mapped onto the same scale ({@link ContextEnsembleConfig#score}). Each member reports an incident once, at its
 * onset, by its own episode logic (the streaming member's damping, CAD's rest period). Rows of the streaming
 * member's warm-up keep its answer; CAD learns them. Causal, one instance per series; not thread-safe.
 */
public final class ContextEnsembleDetector {

    private final ContextEnsembleConfig config;
    private final StreamingDetector streaming;
    private final ContextAnomalyDetector context;

    public ContextEnsembleDetector(ContextEnsembleConfig config) {
        this.config = config;
        this.streaming = new StreamingDetector(config.streaming());
        this.context = new ContextAnomalyDetector(config.context());
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
        if (d.warmingUp()) {
            return d;
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
        AnomalyType type = d.anomaly() && d.type() != null
                ? d.type() : EnsembleDetector.typeOf(config.streaming(), frame);
        return new Detection(o.timestamp(), o.value(), score, strength, true, severity, type, d.expected(),
                d.expectedLow(), d.expectedHigh(), d.contributions(), AnomalyAdvice.recommendation(type), false,
                d.streamingScore(), d.forestScore(), frame);
    }
}
