package io.energywatch.analytics.ensemble;

import java.util.SplittableRandom;

/**
 * Isolation Forest (Liu, Ting and Zhou 2008) on shingles, the vectors of a series' last {@code shingle} values, as
 * Random Cut Forest does on streams: a row is unusual when its recent shape is easy to isolate among the shapes of
 * the last {@code windowRows} rows. The forest is refitted on that sliding window every {@code refitEvery} rows, so it
 * follows the series; a row is scored by the forest fitted before it (causal). Axis-aligned splits, flat arrays.
 * Not thread-safe.
 */
public final class ShingleForest {

    private final int shingle;
    private final int trees;
    private final int sampleSize;
    private final int refitEvery;
    private final double[] history;
    private final SplittableRandom random;
    private final double averagePath;
    private int size;
    private int next;
    private long seen;
    private Tree[] forest;

    /**
     * @param shingle    values per shingle (the current one and those before it)
     * @param windowRows rows the forest is fitted on
     * @param refitEvery rows between refits
     * @param trees      trees per forest
     * @param sampleSize shingles drawn for each tree
     * @param seed       seed of the splits (a series' scores are reproducible)
     */
    public ShingleForest(int shingle, int windowRows, int refitEvery, int trees, int sampleSize, long seed) {
        if (shingle < 1 || trees < 1 || sampleSize < 2 || refitEvery < 1 || windowRows < sampleSize) {
            throw new IllegalArgumentException("shingle " + shingle + ", windowRows " + windowRows + ", refitEvery "
                    + refitEvery + ", trees " + trees + ", sampleSize " + sampleSize
                    + ": need positive sizes and windowRows >= sampleSize >= 2");
        }
        this.shingle = shingle;
        this.trees = trees;
        this.sampleSize = sampleSize;
        this.refitEvery = refitEvery;
        this.history = new double[windowRows + shingle - 1];
        this.random = new SplittableRandom(seed);
        this.averagePath = averagePathLength(sampleSize);
    }

    /**
     * The isolation score in (0, 1] of the shingle ending with {@code value} (about 0.5 for an ordinary shape,
     * towards 1 for one that is isolated quickly), then learns it; NaN until a forest exists.
     */
    public double scoreAndLearn(double value) {
        push(value);
        seen++;
        double score = Double.NaN;
        if (forest != null && seen >= shingle) {
            double[] x = shingleEndingAt(0);
            double path = 0;
            for (Tree t : forest) {
                path += t.pathLength(x);
            }
            score = Math.pow(2, -path / trees / averagePath);
        }
        int shingles = size - shingle + 1;
        if (shingles >= sampleSize && (forest == null || seen % refitEvery == 0)) {
            fit(shingles);
        }
        return score;
    }

    private void push(double value) {
        history[next] = value;
        next = (next + 1) % history.length;
        size = Math.min(size + 1, history.length);
    }

    /** The shingle whose last value is {@code back} rows before the newest one, oldest value first. */
    private double[] shingleEndingAt(int back) {
        double[] x = new double[shingle];
        for (int j = 0; j < shingle; j++) {
            int age = back + shingle - 1 - j;
            x[j] = history[Math.floorMod(next - 1 - age, history.length)];
        }
        return x;
    }

    private void fit(int shingles) {
        double[][] all = new double[shingles][];
        for (int i = 0; i < shingles; i++) {
            all[i] = shingleEndingAt(i);
        }
        int depthLimit = (int) Math.ceil(Math.log(sampleSize) / Math.log(2));
        forest = new Tree[trees];
        for (int t = 0; t < trees; t++) {
            double[][] sample = new double[sampleSize][];
            for (int i = 0; i < sampleSize; i++) {
                sample[i] = all[random.nextInt(shingles)];
            }
            forest[t] = Tree.grow(sample, depthLimit, random);
        }
    }

    /** c(n): the average path length of an unsuccessful search in a binary search tree of n points. */
    static double averagePathLength(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        double harmonic = Math.log(n - 1.0) + 0.5772156649015329;
        return 2 * harmonic - 2.0 * (n - 1) / n;
    }

    /** One isolation tree as flat arrays: a node splits on {@code feature < threshold}, or is a leaf of {@code size}. */
    private record Tree(int[] feature, double[] threshold, int[] left, int[] right, int[] size, int[] depth) {

        static Tree grow(double[][] sample, int depthLimit, SplittableRandom random) {
            int capacity = 2 * sample.length;
            var b = new Builder(capacity);
            b.grow(sample, 0, sample.length, 0, depthLimit, random);
            return new Tree(b.feature, b.threshold, b.left, b.right, b.size, b.depth);
        }

        double pathLength(double[] x) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[feature[node]] < threshold[node] ? left[node] : right[node];
            }
            return depth[node] + averagePathLength(size[node]);
        }
    }

    private static final class Builder {
        final int[] feature;
        final double[] threshold;
        final int[] left;
        final int[] right;
        final int[] size;
        final int[] depth;
        int nodes;

        Builder(int capacity) {
            feature = new int[capacity];
            threshold = new double[capacity];
            left = new int[capacity];
            right = new int[capacity];
            size = new int[capacity];
            depth = new int[capacity];
        }

        int grow(double[][] rows, int from, int to, int level, int depthLimit, SplittableRandom random) {
            int node = nodes++;
            depth[node] = level;
            size[node] = to - from;
            feature[node] = -1;
            if (to - from <= 1 || level >= depthLimit) {
                return node;
            }
            int dims = rows[from].length;
            // A random feature with a spread; a node whose rows are all identical is a leaf.
            int start = random.nextInt(dims);
            for (int k = 0; k < dims; k++) {
                int f = (start + k) % dims;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    lo = Math.min(lo, rows[i][f]);
                    hi = Math.max(hi, rows[i][f]);
                }
                if (hi > lo) {
                    double cut = lo + random.nextDouble() * (hi - lo);
                    if (cut <= lo) {
                        cut = Math.nextUp(lo);
                    }
                    int mid = partition(rows, from, to, f, cut);
                    feature[node] = f;
                    threshold[node] = cut;
                    left[node] = grow(rows, from, mid, level + 1, depthLimit, random);
                    right[node] = grow(rows, mid, to, level + 1, depthLimit, random);
                    return node;
                }
            }
            return node;
        }

        private static int partition(double[][] rows, int from, int to, int f, double cut) {
            int i = from;
            for (int j = from; j < to; j++) {
                if (rows[j][f] < cut) {
                    double[] swap = rows[i];
                    rows[i] = rows[j];
                    rows[j] = swap;
                    i++;
                }
            }
            return i;
        }
    }
}
