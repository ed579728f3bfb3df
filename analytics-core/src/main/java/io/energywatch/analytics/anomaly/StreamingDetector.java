package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyDetected.FeatureContribution;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The per-series detector: needs no training, learns online from the series' first point, scores each observation
 * causally (only from the observations before it) on a calibrated [0, 1] scale, and explains anomalies. When a group
 * forest is given, it is combined by {@link ScoreCombination}. Composes the series' {@link SeriesFeatures} and its
 * {@link AnomalyEpisode}: the features are told of the episode through each row's {@code EpisodeSignal}, and neither
 * writes the other's state. One instance per series; not thread-safe.
 */
public final class StreamingDetector {

    private final DetectorConfig config;
    private final SeriesFeatures features;
    private final AnomalyEpisode episode;
    private final @Nullable GroupScorer groupScorer;
    private final ScoreCombination combination;
    private final double alarmSquared;
    /** When the last row opened an episode (told to the features with the next row); Long.MIN_VALUE when it did not. */
    private long lastRowOnset = Long.MIN_VALUE;

    public StreamingDetector(DetectorConfig config) {
        this(config, null);
    }

    public StreamingDetector(DetectorConfig config, @Nullable GroupScorer groupScorer) {
        this(config, groupScorer, ScoreCombination.MAX);
    }

    public StreamingDetector(DetectorConfig config, @Nullable GroupScorer groupScorer, ScoreCombination combination) {
        this.config = config;
        this.features = new SeriesFeatures(config);
        this.episode = new AnomalyEpisode(config);
        this.groupScorer = groupScorer;
        this.combination = combination;
        this.alarmSquared = config.alarm().z() * config.alarm().z();
    }

    public DetectorConfig config() {
        return config;
    }

    /** Scores {@code o} against the series so far, then learns it. */
    public Detection next(Observation o) {
        var timing = config.timing();
        boolean warmingUp = features.observed() < timing.warmupPoints()
                || features.secondsSinceFirst(o.timestamp()) < timing.warmup().toSeconds();
        long now = o.timestamp().getEpochSecond();
        boolean hold = !config.seasonal().hold().isZero() && o.value() != null && episode.holdsBaseline(now);
        FeatureFrame frame = features.next(o, new SeriesFeatures.EpisodeSignal(hold, lastRowOnset));
        lastRowOnset = Long.MIN_VALUE;
        if (o.value() == null) {
            return quiet(o, frame, false);
        }
        if (warmingUp || Double.isNaN(frame.residualZ())) {
            return quiet(o, frame, true);
        }
        Components c = components(frame);
        double raw = c.max();
        double strength = calibrate(raw);
        double alarmZ = config.alarm().z();
        AnomalyType candidate = raw >= alarmZ ? c.type(frame, config.cusum().threshold()) : null;
        AnomalyEpisode.Verdict verdict = episode.next(now, raw, candidate, features.runStart(), c.stuck());
        if (verdict.opening()) {
            lastRowOnset = now;
        }
        double streaming = calibrate(verdict.fresh() ? raw : raw * config.episode().damping());
        double forest = groupScorer == null ? Double.NaN : groupScorer.calibratedScore(frame);
        var severities = config.alarm().severities();
        double score = combination.combine(streaming, forest, severities.threshold());
        Severity severity = severities.severityOf(score);
        double halfWidth = alarmZ * frame.scale();
        if (severity == null) {
            return new Detection(o.timestamp(), o.value(), score, strength, false, null, null, frame.expected(),
                    frame.expected() - halfWidth, frame.expected() + halfWidth, List.of(), null, false, streaming,
                    forest, frame);
        }
        AnomalyType type = candidate != null ? candidate : c.type(frame, config.cusum().threshold());
        return new Detection(o.timestamp(), o.value(), score, strength, true, severity, type, frame.expected(),
                frame.expected() - halfWidth, frame.expected() + halfWidth, contributions(frame, c),
                AnomalyAdvice.recommendation(type), false, streaming, forest, frame);
    }

    /** Maps a robust z-like magnitude to [0, 1): 0.5 at the alarm z, rising towards 1 like z². */
    private double calibrate(double z) {
        double z2 = z * z;
        return z2 / (z2 + alarmSquared);
    }

    private Components components(FeatureFrame frame) {
        double alarmZ = config.alarm().z();
        // A spike-density record (more large residuals in the density window than ever before) counts as a residual
        // at the alarm level times how far it beat the record.
        double level = Math.max(Math.abs(frame.residualZ()), alarmZ * features.density());
        double weather = frame.has(Feature.WEATHER_RESIDUAL)
                ? config.weather().weight() * Math.abs(frame.get(Feature.WEATHER_RESIDUAL)) : 0;
        double stuck = episode.capStuck(features.runStart(),
                features.stuckComponent(frame.get(Feature.RUN_LENGTH)));
        double cusumAlarm = config.cusum().alarm();
        double cusum = frame.has(Feature.LEVEL_CUSUM) ? Math.abs(frame.get(Feature.LEVEL_CUSUM)) : 0;
        // On the rows the daily residual watches, slow changes are its to find: the short CUSUM only types alarms.
        double shift = cusum >= cusumAlarm && !features.changeWatched() ? alarmZ * cusum / cusumAlarm : 0;
        double driftThreshold = config.drift().threshold();
        double driftZ = frame.has(Feature.DRIFT) ? Math.abs(frame.get(Feature.DRIFT)) : 0;
        // The daily residual's CUSUM replaces the short- against long-term mean drift on the rows it watches.
        double drift = driftZ >= driftThreshold && !features.changeWatched() ? alarmZ * driftZ / driftThreshold : 0;
        DailyChange.Change change = features.change();
        double slow = change == null ? 0 : alarmZ * Math.max(1, change.strength());
        return new Components(level, weather, stuck, shift, drift, slow, change == null ? null : change.type());
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
        addPart(parts, c.slowType() == AnomalyType.GRADUAL_DRIFT ? Feature.DRIFT : Feature.LEVEL_CUSUM, c.slow());
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
                .limit(config.alarm().explainedFeatures())
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
    private record Components(double level, double weather, double stuck, double shift, double drift, double slow,
                              @Nullable AnomalyType slowType) {

        double max() {
            return Math.max(Math.max(Math.max(level, weather), Math.max(stuck, Math.max(shift, drift))), slow);
        }

        /** The type named by the strongest component; a plain residual is a spike or a drop by its sign. */
        AnomalyType type(FeatureFrame frame, double cusumThreshold) {
            if (stuck > 0 && stuck >= level) {
                return AnomalyType.STUCK_METER;
            }
            // A slow change found on the daily residual is typed by its shape.
            if (slowType != null && slow >= level) {
                return slowType;
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
