package io.energywatch.anomaly.clustering;

import smile.clustering.Clustering;
import smile.clustering.DBSCAN;
import smile.clustering.KMeans;
import smile.math.MathEx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clusters shape profiles two ways: KMeans with k chosen by the mean silhouette over 2..maxK, and DBSCAN with eps at
 * the knee of the sorted k-distance curve (the point farthest from the chord between its ends, but not below the
 * median k-distance: with few points and no clear knee the farthest point can sit at the bottom of the curve and
 * leave most points as noise; a curve without a sharp rise takes its top) and minPts = k, so every point at or below
 * the knee is a core point.
 * Plain Java over Smile; deterministic for a given seed.
 */
final class ProfileClustering {

    /** A k-distance curve whose top is under this many times its median has no knee worth the name. */
    private static final double FLAT_CURVE = 2.0;

    /** A cluster label of DBSCAN noise. */
    static final int NOISE = -1;

    record KMeansResult(int k, double silhouette, Map<String, Integer> assignments, List<double[]> centroids,
                        Map<Integer, Double> silhouetteByK) {
    }

    record DbscanResult(double eps, int minPoints, int clusters, long noise, Double silhouette,
                        Map<String, Integer> assignments) {
    }

    private final int maxK;
    private final int neighbours;
    private final int iterations;
    private final long seed;

    ProfileClustering(int maxK, int neighbours, int iterations, long seed) {
        this.maxK = maxK;
        this.neighbours = neighbours;
        this.iterations = iterations;
        this.seed = seed;
    }

    KMeansResult kmeans(List<String> keys, double[][] x) {
        int upper = Math.min(maxK, x.length - 1);
        Map<Integer, Double> byK = new LinkedHashMap<>();
        int bestK = -1;
        double best = Double.NEGATIVE_INFINITY;
        int[] bestLabels = null;
        List<double[]> bestCentroids = null;
        for (int k = 2; k <= upper; k++) {
            MathEx.setSeed(seed);
            var model = KMeans.fit(x, k, iterations);
            int[] labels = model.group();
            double s = silhouette(x, labels);
            byK.put(k, s);
            if (s > best) {
                best = s;
                bestK = k;
                bestLabels = labels.clone();
                bestCentroids = new ArrayList<>(Arrays.asList(model.centers()));
            }
        }
        return new KMeansResult(bestK, best, label(keys, bestLabels), bestCentroids, byK);
    }

    DbscanResult dbscan(List<String> keys, double[][] x) {
        int k = Math.min(neighbours, x.length - 1);
        double eps = kneeOfKDistance(x, k);
        var model = DBSCAN.fit(x, k, eps);
        int[] labels = Arrays.stream(model.group()).map(g -> g == Clustering.OUTLIER ? NOISE : g).toArray();
        long noise = Arrays.stream(labels).filter(g -> g == NOISE).count();
        int clusters = (int) Arrays.stream(labels).filter(g -> g != NOISE).distinct().count();
        Double quality = clusters >= 2 ? silhouette(x, labels) : null;
        return new DbscanResult(eps, k, clusters, noise, quality, label(keys, labels));
    }

    /** The distance of each point to its k-th nearest neighbour, sorted, and the value at the curve's knee. */
    static double kneeOfKDistance(double[][] x, int k) {
        double[] kd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] d = new double[x.length - 1];
            int j2 = 0;
            for (int j = 0; j < x.length; j++) {
                if (j != i) {
                    d[j2++] = distance(x[i], x[j]);
                }
            }
            Arrays.sort(d);
            kd[i] = d[k - 1];
        }
        Arrays.sort(kd);
        int n = kd.length;
        double x0 = 0;
        double y0 = kd[0];
        double dx = n - 1;
        double dy = kd[n - 1] - kd[0];
        double norm = Math.hypot(dx, dy);
        int knee = n - 1;
        double farthest = -1;
        for (int i = 0; i < n; i++) {
            double dist = norm == 0 ? 0 : Math.abs(dy * (i - x0) - dx * (kd[i] - y0)) / norm;
            if (dist > farthest) {
                farthest = dist;
                knee = i;
            }
        }
        double median = kd[(n - 1) / 2];
        if (kd[n - 1] <= FLAT_CURVE * median) {
            // No sharp rise: no point is an outlier, and eps must reach the sparsest point's k-th neighbour.
            return Math.max(kd[n - 1], 1e-9) * (1 + 1e-9);
        }
        // Points exactly at eps are neighbours; a flat curve still needs a radius above zero.
        return Math.max(Math.max(kd[knee], median), 1e-9) * (1 + 1e-9);
    }

    /** Mean silhouette over the points not labelled noise; a point alone in its cluster scores 0. */
    static double silhouette(double[][] x, int[] labels) {
        double total = 0;
        int counted = 0;
        for (int i = 0; i < x.length; i++) {
            if (labels[i] == NOISE) {
                continue;
            }
            Map<Integer, double[]> byCluster = new LinkedHashMap<>();
            for (int j = 0; j < x.length; j++) {
                if (j == i || labels[j] == NOISE) {
                    continue;
                }
                double[] acc = byCluster.computeIfAbsent(labels[j], c -> new double[2]);
                acc[0] += distance(x[i], x[j]);
                acc[1]++;
            }
            double[] own = byCluster.get(labels[i]);
            counted++;
            if (own == null) {
                continue;
            }
            double a = own[0] / own[1];
            int ownLabel = labels[i];
            double b = byCluster.entrySet().stream().filter(e -> e.getKey() != ownLabel)
                    .mapToDouble(e -> e.getValue()[0] / e.getValue()[1]).min().orElse(Double.NaN);
            if (!Double.isNaN(b)) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return counted == 0 ? 0 : total / counted;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static Map<String, Integer> label(List<String> keys, int[] labels) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), labels[i]);
        }
        return m;
    }
}
