package io.energywatch.analytics.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The reference distribution of one feature in a model's training window, kept so drift can be measured later: PSI
 * from the quantile bins (edges from the reference, counts of the reference in them), KS from the reservoir sample,
 * a fixed-width histogram for charts, and category frequencies for categorical features.
 *
 * @param quantileEdges   inner edges of the quantile bins (bins − 1 values; bin i is (edge[i−1], edge[i]])
 * @param quantileCounts  reference rows per quantile bin
 * @param histogramEdges  bins + 1 equally spaced edges from min to max
 * @param histogramCounts reference rows per histogram bin
 * @param reservoir       a uniform sample of at most the configured size, for two-sample tests
 */
public record FeatureProfile(
        String feature,
        long count,
        long missing,
        double mean,
        double stdDev,
        double min,
        double max,
        List<Double> quantileEdges,
        List<Long> quantileCounts,
        List<Double> histogramEdges,
        List<Long> histogramCounts,
        List<Double> reservoir,
        Map<String, Long> categoryFrequencies) {

    public FeatureProfile {
        quantileEdges = List.copyOf(quantileEdges);
        quantileCounts = List.copyOf(quantileCounts);
        histogramEdges = List.copyOf(histogramEdges);
        histogramCounts = List.copyOf(histogramCounts);
        reservoir = List.copyOf(reservoir);
        categoryFrequencies = Map.copyOf(categoryFrequencies);
    }

    /** Profile of a numeric feature; NaN values count as missing. */
    public static FeatureProfile numeric(String feature, double[] values, int bins, int reservoirSize, long seed) {
        double[] present = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        long missing = values.length - present.length;
        if (present.length == 0) {
            return new FeatureProfile(feature, 0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(),
                    List.of(), List.of(), List.of(), List.of(), Map.of());
        }
        double mean = Arrays.stream(present).average().orElseThrow();
        double variance = Arrays.stream(present).map(v -> (v - mean) * (v - mean)).sum() / present.length;
        double min = present[0];
        double max = present[present.length - 1];

        var edges = new ArrayList<Double>();
        for (int i = 1; i < bins; i++) {
            edges.add(present[(int) Math.min(present.length - 1, Math.floor(i * present.length / (double) bins))]);
        }
        long[] quantileCounts = new long[bins];
        for (double v : present) {
            quantileCounts[quantileBin(edges, v)]++;
        }

        var histogramEdges = new ArrayList<Double>();
        for (int i = 0; i <= bins; i++) {
            histogramEdges.add(min + (max - min) * i / bins);
        }
        long[] histogram = new long[bins];
        for (double v : present) {
            int at = max == min ? 0 : (int) Math.min(bins - 1, Math.floor((v - min) / (max - min) * bins));
            histogram[at]++;
        }

        // Reservoir sampling (algorithm R) over the rows in their original order.
        var random = new Random(seed);
        double[] reservoir = new double[Math.min(reservoirSize, present.length)];
        int seen = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            if (seen < reservoir.length) {
                reservoir[seen] = v;
            } else {
                int j = random.nextInt(seen + 1);
                if (j < reservoir.length) {
                    reservoir[j] = v;
                }
            }
            seen++;
        }
        return new FeatureProfile(feature, present.length, missing, mean, Math.sqrt(variance), min, max, edges,
                Arrays.stream(quantileCounts).boxed().toList(), histogramEdges,
                Arrays.stream(histogram).boxed().toList(), Arrays.stream(reservoir).boxed().toList(), Map.of());
    }

    /** Profile of a categorical feature: only the frequencies; null values count as missing. */
    public static FeatureProfile categorical(String feature, List<String> values) {
        var frequencies = new TreeMap<String, Long>();
        long missing = 0;
        for (String v : values) {
            if (v == null) {
                missing++;
            } else {
                frequencies.merge(v, 1L, Long::sum);
            }
        }
        return new FeatureProfile(feature, values.size() - missing, missing, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, List.of(), List.of(), List.of(), List.of(), List.of(), frequencies);
    }

    /** The quantile bin of a value: the first bin whose upper edge is at or above it. */
    public int quantileBin(double value) {
        return quantileBin(quantileEdges, value);
    }

    private static int quantileBin(List<Double> edges, double value) {
        int lo = 0;
        int hi = edges.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges.get(mid) < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
