package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyDetected.FeatureContribution;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The per-series detector: needs no training, learns online from the series' first point, scores each observation
 * causally (only from the observations before it) on a calibrated [0, 1] scale, and explains anomalies. When a group
 * forest is given, it is combined by {@link ScoreCombination}. One instance per series; not thread-safe.
 */
public final class StreamingDetector {

    private static final Set<AnomalyType> PERSISTENT =
            EnumSet.of(AnomalyType.STUCK_METER, AnomalyType.LEVEL_SHIFT, AnomalyType.GRADUAL_DRIFT);

    private final DetectorConfig config;
    private final SeriesFeatures features;
    private final @Nullable GroupScorer groupScorer;
    private final ScoreCombination combination;
    private final double alarmSquared;
    private double episodeLevel;
    private long lastEpochSecond = Long.MIN_VALUE;
    private @Nullable AnomalyType episodeType;
    /** Start of the stuck run last reported as a fresh stuck meter, and its stuck component then; -1 for none. */
    private long reportedStuckRunStart = -1;
    private double reportedStuck;
    /** When the open episode began (its first fresh alarm after the level had faded below the alarm z). */
    private long episodeOpened = Long.MIN_VALUE;

    public StreamingDetector(DetectorConfig config) {
        this(config, null);
    }

    public StreamingDetector(DetectorConfig config, @Nullable GroupScorer groupScorer) {
        this(config, groupScorer, ScoreCombination.MAX);
    }

    public StreamingDetector(DetectorConfig config, @Nullable GroupScorer groupScorer, ScoreCombination combination) {
        this.config = config;
        this.features = new SeriesFeatures(config);
        this.groupScorer = groupScorer;
        this.combination = combination;
        this.alarmSquared = config.alarmZ() * config.alarmZ();
    }

    public DetectorConfig config() {
        return config;
    }

    /** Scores {@code o} against the series so far, then learns it. */
    public Detection next(Observation o) {
        boolean warmingUp = features.observed() < config.warmupPoints()
                || features.secondsSinceFirst(o.timestamp()) < config.warmup().toSeconds();
        if (!config.baselineHold().isZero() && o.value() != null) {
            features.holdBaseline(episodeOpen(o.timestamp().getEpochSecond()));
        }
        FeatureFrame frame = features.next(o);
        if (o.value() == null) {
            return quiet(o, frame, false);
        }
        if (warmingUp || Double.isNaN(frame.residualZ())) {
            return quiet(o, frame, true);
        }
        Components c = components(frame);
        double raw = c.max();
        double strength = calibrate(raw);
        // Novelty: while an episode is open (a recent alarm of at least this size) a row of the same kind must clearly
        // exceed it to score in full again; a new persistent kind (stuck, shift, drift) is a new finding. The
        // episode's level fades with a configured half-life.
        long now = o.timestamp().getEpochSecond();
        if (lastEpochSecond != Long.MIN_VALUE && now > lastEpochSecond) {
            episodeLevel *= Math.pow(0.5, (now - lastEpochSecond) / (double) config.episodeHalfLife().toSeconds());
        }
        lastEpochSecond = now;
        boolean alarming = raw >= config.alarmZ();
        AnomalyType candidate = alarming ? c.type(frame, config.cusumThreshold()) : null;
        boolean newKind = candidate != null && candidate != episodeType && PERSISTENT.contains(candidate);
        boolean fresh = raw >= config.episodeEscalation() * episodeLevel || newKind;
        if (alarming) {
            if (fresh) {
                if (episodeLevel < config.alarmZ()) {
                    episodeOpened = now;
                    features.rememberOnset(now);
                }
                episodeType = candidate;
                if (candidate == AnomalyType.STUCK_METER && config.stuckReportedOnce()) {
                    reportedStuckRunStart = features.runStart();
                    reportedStuck = c.stuck();
                }
            }
            episodeLevel = Math.max(episodeLevel, raw);
        }
        double streaming = calibrate(fresh ? raw : raw * config.episodeDamping());
        double forest = groupScorer == null ? Double.NaN : groupScorer.calibratedScore(frame);
        double score = combination.combine(streaming, forest, config.severities().threshold());
        Severity severity = config.severities().severityOf(score);
        double halfWidth = config.alarmZ() * frame.scale();
        if (severity == null) {
            return new Detection(o.timestamp(), o.value(), score, strength, false, null, null, frame.expected(),
                    frame.expected() - halfWidth, frame.expected() + halfWidth, List.of(), null, false, streaming,
                    forest, frame);
        }
        AnomalyType type = candidate != null ? candidate : c.type(frame, config.cusumThreshold());
        return new Detection(o.timestamp(), o.value(), score, strength, true, severity, type, frame.expected(),
                frame.expected() - halfWidth, frame.expected() + halfWidth, contributions(frame, c),
                AnomalyAdvice.recommendation(type), false, streaming, forest, frame);
    }

    /**
     * Whether an alarm episode is open at {@code epochSecond} (its faded level is still at least the alarm z) and
     * began less than {@code baselineHold} ago: a lasting change must still become the baseline's new normal.
     */
    private boolean episodeOpen(long epochSecond) {
        if (lastEpochSecond == Long.MIN_VALUE || episodeOpened == Long.MIN_VALUE
                || epochSecond - episodeOpened >= config.baselineHold().toSeconds()) {
            return false;
        }
        double faded = episodeLevel * Math.pow(0.5, Math.max(0, epochSecond - lastEpochSecond)
                / (double) config.episodeHalfLife().toSeconds());
        return faded >= config.alarmZ();
    }

    /** Maps a robust z-like magnitude to [0, 1): 0.5 at the alarm z, rising towards 1 like z². */
    private double calibrate(double z) {
        double z2 = z * z;
        return z2 / (z2 + alarmSquared);
    }

    private Components components(FeatureFrame frame) {
        // A spike-density record (more large residuals in the density window than ever before) counts as a residual
        // at the alarm level times how far it beat the record.
        double level = Math.max(Math.abs(frame.residualZ()), config.alarmZ() * features.density());
        double weather = frame.has(Feature.WEATHER_RESIDUAL)
                ? config.weatherWeight() * Math.abs(frame.get(Feature.WEATHER_RESIDUAL)) : 0;
        double run = frame.get(Feature.RUN_LENGTH);
        double stuckRun = Math.max(config.minStuckRun(), config.stuckRunFactor() * features.longestEarlierRun());
        boolean runJudged = features.runStart() >= config.minStuckRun();
        double stuck = runJudged && run >= stuckRun ? config.alarmZ() * run / stuckRun : 0;
        // A stuck run already reported does not grow past the size it was reported at: it is the same incident, so
        // its later rows stay inside the open episode (damped) instead of escalating row after row.
        if (features.runStart() == reportedStuckRunStart) {
            stuck = Math.min(stuck, reportedStuck);
        }
        double cusum = frame.has(Feature.LEVEL_CUSUM) ? Math.abs(frame.get(Feature.LEVEL_CUSUM)) : 0;
        double shift = cusum >= config.cusumAlarm() ? config.alarmZ() * cusum / config.cusumAlarm() : 0;
        double driftZ = frame.has(Feature.DRIFT) ? Math.abs(frame.get(Feature.DRIFT)) : 0;
        double drift = driftZ >= config.driftThreshold() ? config.alarmZ() * driftZ / config.driftThreshold() : 0;
        return new Components(level, weather, stuck, shift, drift);
    }

    private List<FeatureContribution> contributions(FeatureFrame frame, Components c) {
        var parts = new ArrayList<double[]>();
        addPart(parts, Feature.SEASONAL_RESIDUAL, abs(frame, Feature.SEASONAL_RESIDUAL));
        addPart(parts, Feature.ROLLING_Z, abs(frame, Feature.ROLLING_Z));
        addPart(parts, Feature.DELTA, abs(frame, Feature.DELTA));
        addPart(parts, Feature.WEATHER_RESIDUAL, c.weather());
        addPart(parts, Feature.RUN_LENGTH, c.stuck());
        addPart(parts, Feature.LEVEL_CUSUM, c.shift());
        addPart(parts, Feature.DRIFT, c.drift());
        double total = 0;
        for (double[] p : parts) {
            total += p[1] * p[1];
        }
        if (total == 0) {
            return List.of();
        }
        double sum = total;
        return parts.stream()
                .sorted(Comparator.comparingDouble((double[] p) -> -p[1]))
                .limit(config.explainedFeatures())
                .map(p -> {
                    Feature feature = Feature.at((int) p[0]);
                    double value = frame.get(feature);
                    return new FeatureContribution(feature.key(), Double.isNaN(value) ? null : value,
                            p[1] * p[1] / sum);
                })
                .toList();
    }

    private static double abs(FeatureFrame frame, Feature feature) {
        return frame.has(feature) ? Math.abs(frame.get(feature)) : 0;
    }

    private static void addPart(List<double[]> parts, Feature feature, double magnitude) {
        if (magnitude > 0) {
            parts.add(new double[] {feature.ordinal(), magnitude});
        }
    }

    private Detection quiet(Observation o, FeatureFrame frame, boolean warmingUp) {
        return new Detection(o.timestamp(), o.value(), 0, 0, false, null, null, Double.NaN, Double.NaN, Double.NaN,
                List.of(), null, warmingUp, 0, Double.NaN, frame);
    }

    /** The score's components, each on the robust-z scale where the alarm z means "as unusual as an alarm". */
    private record Components(double level, double weather, double stuck, double shift, double drift) {

        double max() {
            return Math.max(Math.max(level, weather), Math.max(stuck, Math.max(shift, drift)));
        }

        /** The type named by the strongest component; a plain residual is a spike or a drop by its sign. */
        AnomalyType type(FeatureFrame frame, double cusumThreshold) {
            if (stuck > 0 && stuck >= level) {
                return AnomalyType.STUCK_METER;
            }
            // A moving long-term mean is a drift; a persistent residual without it is an abrupt shift.
            if (drift > 0) {
                return AnomalyType.GRADUAL_DRIFT;
            }
            if (shift > 0 || Math.abs(frame.get(Feature.LEVEL_CUSUM)) >= cusumThreshold) {
                return AnomalyType.LEVEL_SHIFT;
            }
            return frame.residualZ() >= 0 ? AnomalyType.SPIKE : AnomalyType.DROP;
        }
    }
}
