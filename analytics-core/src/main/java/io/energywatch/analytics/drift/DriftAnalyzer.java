package io.energywatch.analytics.drift;

import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.contracts.DriftStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Compares a current window with the reference profiles stored with a model version: PSI on the reference's quantile
 * bins, KS against the reference reservoir (numeric) or chi-square on category counts (categorical), one correction
 * over the p-values of all features, a status per feature and overall, and a sentence per feature.
 *
 * <p>A numeric column is read once, without sorting, whatever its length (see {@link ReferenceDistribution}); features
 * run in parallel. Features with a profile but no current column, or no value on either side, are left out of the
 * analysis. Current quantiles are exact up to {@code quantileSampleSize} values and read from an evenly spaced sample of
 * that size above it.
 */
public final class DriftAnalyzer {

    /**
     * @param exactLimit         largest reservoir size × current size for the exact KS p-value
     * @param quantileSampleSize values sorted to read the current quantiles
     */
    public record Settings(DriftThresholds thresholds, Correction correction, long exactLimit, int quantileSampleSize) {

        public Settings {
            Objects.requireNonNull(thresholds, "thresholds");
            Objects.requireNonNull(correction, "correction");
            if (exactLimit < 0 || quantileSampleSize < 100) {
                throw new IllegalArgumentException("exactLimit must be >= 0 and quantileSampleSize >= 100");
            }
        }

        public static Settings defaults() {
            return new Settings(DriftThresholds.defaults(), Correction.HOLM, KolmogorovSmirnov.DEFAULT_EXACT_LIMIT,
                    65_536);
        }
    }

    private final Settings settings;

    public DriftAnalyzer(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public DriftAnalysis analyse(List<FeatureProfile> references, CurrentWindow current) {
        List<FeatureProfile> usable = references.stream().filter(p -> p.count() > 0).filter(p -> isCategorical(p)
                ? current.categorical().containsKey(p.feature())
                : current.numeric().containsKey(p.feature()) && !p.reservoir().isEmpty()).toList();
        Measured[] measured = IntStream.range(0, usable.size()).parallel()
                .mapToObj(i -> measure(usable.get(i), current)).toArray(Measured[]::new);
        List<Measured> kept = Arrays.stream(measured).filter(Objects::nonNull).toList();

        double[] raw = kept.stream().mapToDouble(Measured::pValue).toArray();
        double[] adjusted = settings.correction().adjust(raw);
        var thresholds = settings.thresholds();
        var features = new ArrayList<FeatureDrift>();
        for (int i = 0; i < kept.size(); i++) {
            Measured m = kept.get(i);
            DriftStatus status = thresholds.of(m.psi(), adjusted[i]);
            features.add(m.finish(adjusted[i], status, settings.correction()));
        }
        return new DriftAnalysis(DriftAnalysis.worst(features), settings.correction(), thresholds, current.rows(),
                features);
    }

    static boolean isCategorical(FeatureProfile profile) {
        return !profile.categoryFrequencies().isEmpty() && profile.quantileEdges().isEmpty();
    }

    private Measured measure(FeatureProfile profile, CurrentWindow current) {
        return isCategorical(profile)
                ? measureCategorical(profile, current.categorical().get(profile.feature()))
                : measureNumeric(new ReferenceDistribution(profile), current.numeric().get(profile.feature()));
    }

    private Measured measureNumeric(ReferenceDistribution reference, double[] column) {
        var pass = reference.scan(column);
        if (pass.present == 0) {
            return null;
        }
        double psi = PopulationStabilityIndex.ofCounts(reference.binCounts, pass.bins, settings.thresholds().epsilon());
        long r = reference.reservoir.length;
        KolmogorovSmirnov.Result ks;
        double[] sample;
        if (r * pass.present <= settings.exactLimit()) {
            // Small enough for the exact p-value, which needs the pooled order (ties) anyway.
            sample = present(column, pass.present);
            Arrays.sort(sample);
            ks = KolmogorovSmirnov.testSorted(reference.reservoir, sample, settings.exactLimit());
        } else {
            long scaled = reference.scaledStatistic(pass);
            double d = scaled / ((double) r * pass.present);
            ks = new KolmogorovSmirnov.Result(d, KolmogorovSmirnov.asymptoticPValue(d, r, pass.present),
                    KolmogorovSmirnov.Method.ASYMPTOTIC, (int) r, pass.present);
            sample = pass.present <= settings.quantileSampleSize() ? present(column, pass.present)
                    : evenlySpaced(column, settings.quantileSampleSize());
            Arrays.sort(sample);
        }
        int bins = reference.binCounts.length;
        var quantiles = new ArrayList<Double>(bins - 1);
        for (int i = 1; i < bins; i++) {
            quantiles.add(sample[(int) Math.min(sample.length - 1, Math.floor(i * sample.length / (double) bins))]);
        }
        var profile = reference.profile;
        return new Measured(profile, FeatureDrift.Kind.NUMERIC, pass.present, pass.missing, psi, ks, null,
                pass.sum / pass.present, quantiles, null);
    }

    private Measured measureCategorical(FeatureProfile profile, List<String> column) {
        var counts = new HashMap<String, Long>();
        long missing = 0;
        for (String v : column) {
            if (v == null) {
                missing++;
            } else {
                counts.merge(v, 1L, Long::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        double psi = PopulationStabilityIndex.ofCategories(profile.categoryFrequencies(), counts,
                settings.thresholds().epsilon());
        var chi = ChiSquare.homogeneity(profile.categoryFrequencies(), counts);
        return new Measured(profile, FeatureDrift.Kind.CATEGORICAL, column.size() - missing, missing, psi, null, chi,
                Double.NaN, List.of(), counts);
    }

    private static double[] present(double[] column, long present) {
        double[] values = new double[(int) present];
        int at = 0;
        for (double v : column) {
            if (!Double.isNaN(v)) {
                values[at++] = v;
            }
        }
        return values;
    }

    /** About {@code size} present values at evenly spaced rows: a deterministic sample for the current quantiles. */
    private static double[] evenlySpaced(double[] column, int size) {
        double step = column.length / (double) size;
        double[] values = new double[size];
        int at = 0;
        for (int i = 0; i < size; i++) {
            double v = column[(int) (i * step)];
            if (!Double.isNaN(v)) {
                values[at++] = v;
            }
        }
        return Arrays.copyOf(values, Math.max(at, 1));
    }

    /** A feature's statistics before the correction, which needs every feature's p-value. */
    private record Measured(FeatureProfile profile, FeatureDrift.Kind kind, long currentCount, long currentMissing,
                            double psi, KolmogorovSmirnov.Result ks, ChiSquare.Result chi, double currentMean,
                            List<Double> currentQuantiles, Map<String, Long> categoryCounts) {

        double pValue() {
            return ks != null ? ks.pValue() : chi.pValue();
        }

        FeatureDrift finish(double adjusted, DriftStatus status, Correction correction) {
            String feature = profile.feature();
            if (kind == FeatureDrift.Kind.CATEGORICAL) {
                return new FeatureDrift(feature, kind, profile.count(), currentCount, currentMissing, psi, null, null,
                        chi.statistic(), chi.degreesOfFreedom(), chi.pValue(), adjusted, null, null, List.of(),
                        List.of(), status, DriftSentence.categorical(feature, profile.categoryFrequencies(),
                        categoryCounts, psi, adjusted, correction, status));
            }
            return new FeatureDrift(feature, kind, profile.count(), currentCount, currentMissing, psi, ks.statistic(),
                    ks.method(), null, null, ks.pValue(), adjusted, profile.mean(), currentMean,
                    profile.quantileEdges(), currentQuantiles, status,
                    DriftSentence.numeric(feature, profile.mean(), currentMean, psi, adjusted, correction, status));
        }
    }
}
