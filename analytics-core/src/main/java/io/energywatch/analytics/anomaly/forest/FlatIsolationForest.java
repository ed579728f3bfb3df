package io.energywatch.analytics.anomaly.forest;

import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * A Smile isolation forest trained at extension level 0, compiled into flat arrays: each split reads one feature
 * instead of a full dot product, and the nodes of all trees sit in contiguous arrays. It computes exactly Smile's
 * score, {@code 2^(-mean path length / c)}, with the same floating-point operations in the same order.
 */
public final class FlatIsolationForest {

    private static final int LEAF = -1;
    private static final int FORMAT = 1;

    private final int dimension;
    private final double normalizer;
    private final int[] roots;
    private final int[] feature;
    private final double[] slope;
    private final double[] bias;
    private final int[] left;
    private final int[] right;
    private final double[] leafDepth;
    // The scoring layout, branch-free: nodes depth-first, so a left child is the next node. meta = right child << 8 |
    // feature, with the sign bit set when the children are swapped; threshold = the exact split point. A leaf
    // points right to itself with threshold −∞, so every tree can take the same number of steps.
    private final int[] meta;
    private final double[] threshold;
    private final int depth;

    private FlatIsolationForest(int dimension, double normalizer, int[] roots, int[] feature, double[] slope,
                                double[] bias, int[] left, int[] right, double[] leafDepth) {
        this.dimension = dimension;
        this.normalizer = normalizer;
        this.roots = roots;
        this.feature = feature;
        this.slope = slope;
        this.bias = bias;
        this.left = left;
        this.right = right;
        this.leafDepth = leafDepth;
        int n = feature.length;
        if (dimension > 255 || n >= 1 << 23) {
            throw new IllegalArgumentException("the flat layout holds at most 255 features and 2^23 nodes");
        }
        this.meta = new int[n];
        this.threshold = new double[n];
        for (int i = 0; i < n; i++) {
            double s = slope[i];
            double b = bias[i];
            if (feature[i] == LEAF) {
                meta[i] = i << 8;
                threshold[i] = Double.NEGATIVE_INFINITY;
            } else if (left[i] != i + 1) {
                throw new IllegalArgumentException("nodes are not in depth-first order");
            } else if (Double.isInfinite(s)) {
                // x·±∞ is NaN at x = 0 and ±∞ elsewhere: not a one-sided test. Smile's Gaussian draw never gives one.
                throw new IllegalArgumentException("split with an infinite normal component");
            } else if (Double.isNaN(s) || Double.isNaN(b) || s == 0) {
                // The product does not depend on x, so the split sends every row the same way: with a NaN normal or
                // bias x·s < b fails for every row (Smile's shared GaussianDistribution is not thread-safe, so its
                // parallel fit now and then draws a NaN normal, and then a NaN bias; a NaN or infinite training value
                // makes the bias NaN too), and with a zero normal it reads ±0 < b. Every x is below +∞, none below −∞.
                boolean allLeft = !Double.isNaN(s) && 0 < b;
                meta[i] = right[i] << 8 | feature[i];
                threshold[i] = allLeft ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else if (s > 0) {
                // x·s < b  ⟺  x < t, with t the smallest double whose product reaches b (products rise with x).
                meta[i] = right[i] << 8 | feature[i];
                threshold[i] = noPositiveZero(lowestReaching(s, b));
            } else {
                // x·s < b  ⟺  x > t', t' the largest double whose product reaches b: Smile goes right exactly when
                // x < nextUp(t'), so the test is the same and the flag bit swaps the children.
                meta[i] = right[i] << 8 | feature[i] | SWAPPED;
                threshold[i] = noPositiveZero(Math.nextUp(highestReaching(s, b)));
            }
        }
        int deepest = 0;
        for (int root : roots) {
            deepest = Math.max(deepest, depthOf(root, feature, left, right));
        }
        this.depth = deepest;
    }

    private static int depthOf(int node, int[] feature, int[] left, int[] right) {
        return feature[node] == LEAF ? 0
                : 1 + Math.max(depthOf(left[node], feature, left, right), depthOf(right[node], feature, left, right));
    }

    private static final int SWAPPED = 1 << 31;

    /**
     * The scoring loop reads {@code x < t} from the sign of {@code x − t}, which is wrong only for x = −0 and t = +0
     * (−0 − +0 = −0). {@code x < +0} and {@code x < −0} agree for every x, so +0 is stored as −0.
     */
    private static double noPositiveZero(double t) {
        return t == 0 ? -0.0 : t;
    }

    /** The smallest double x (−∞ and +∞ included) with x·s ≥ b, for finite s > 0 and b not NaN. */
    private static double lowestReaching(double s, double b) {
        // x·s is non-decreasing in x and +∞·s = +∞ ≥ b, so reaching is an up-set of the ordered doubles: binary search
        // over their order-preserving integer keys (a linear walk from b/s never ends when b/s overflows).
        long below = key(Double.NEGATIVE_INFINITY) - 1; // invariant: keys ≤ below don't reach, key reach does
        long reach = key(Double.POSITIVE_INFINITY);
        while (Long.compareUnsigned(reach - below, 1) > 0) { // the key range spans more than 2^63
            long mid = midpoint(below, reach);
            if (fromKey(mid) * s >= b) {
                reach = mid;
            } else {
                below = mid;
            }
        }
        return fromKey(reach);
    }

    /** The largest double x (−∞ and +∞ included) with x·s ≥ b, for finite s < 0 and b not NaN. */
    private static double highestReaching(double s, double b) {
        // x·s is non-increasing in x and −∞·s = +∞ ≥ b, so reaching is a down-set of the ordered doubles.
        long reach = key(Double.NEGATIVE_INFINITY); // invariant: key reach reaches, keys ≥ above don't
        long above = key(Double.POSITIVE_INFINITY) + 1;
        while (Long.compareUnsigned(above - reach, 1) > 0) {
            long mid = midpoint(reach, above);
            if (fromKey(mid) * s >= b) {
                reach = mid;
            } else {
                above = mid;
            }
        }
        return fromKey(reach);
    }

    /** The floor of (a + b) / 2, without overflow. */
    private static long midpoint(long a, long b) {
        return (a >> 1) + (b >> 1) + (a & b & 1);
    }

    /** An integer key with the order of the doubles (−0 just below +0); NaNs are never passed. */
    private static long key(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ (bits >> 63 & Long.MAX_VALUE);
    }

    private static double fromKey(long key) {
        return Double.longBitsToDouble(key ^ (key >> 63 & Long.MAX_VALUE));
    }

    /**
     * Reads the trees of a Smile model. Smile keeps them private, so this uses reflection on Smile 6.2.5's layout
     * ({@code IsolationTree.root}, {@code Node.slope/bias/left/right/depth}, {@code IsolationForest.c}); a split whose
     * normal has more than one non-zero component (extension level above 0) is rejected.
     */
    public static FlatIsolationForest compile(IsolationForest model) {
        if (model.extensionLevel() != 0) {
            throw new IllegalArgumentException("only extension level 0 (axis-aligned) forests compile, got "
                    + model.extensionLevel());
        }
        try {
            Field c = IsolationForest.class.getDeclaredField("c");
            Field p = IsolationForest.class.getDeclaredField("p");
            Field root = IsolationTree.class.getDeclaredField("root");
            Class<?> nodeClass = Class.forName("smile.anomaly.IsolationTree$Node");
            Field depth = nodeClass.getDeclaredField("depth");
            Field slope = nodeClass.getDeclaredField("slope");
            Field bias = nodeClass.getDeclaredField("bias");
            Field left = nodeClass.getDeclaredField("left");
            Field right = nodeClass.getDeclaredField("right");
            for (Field f : List.of(c, p, root, depth, slope, bias, left, right)) {
                f.setAccessible(true);
            }
            var builder = new Builder(p.getInt(model));
            IsolationTree[] trees = model.trees();
            int[] roots = new int[trees.length];
            for (int t = 0; t < trees.length; t++) {
                roots[t] = builder.add(root.get(trees[t]), depth, slope, bias, left, right);
            }
            return builder.build(c.getDouble(model), roots);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Smile's IsolationForest layout is not the 6.2.5 one this compiler reads",
                    e);
        }
    }

    public int dimension() {
        return dimension;
    }

    public int trees() {
        return roots.length;
    }

    public int nodes() {
        return feature.length;
    }

    /**
     * Smile's anomaly score of {@code x}: in (0, 1], larger is more anomalous. The values must be finite (the group
     * forest imputes missing ones), which is what makes the threshold test equal to Smile's product test.
     */
    public double score(double[] x) {
        int trees = roots.length;
        int[] node = roots.clone();
        // Level by level across all trees: the steps of different trees are independent, so the CPU overlaps them.
        for (int level = 0; level < depth; level++) {
            for (int t = 0; t < trees; t++) {
                int n = node[t];
                int m = meta[n];
                // below = 1 when x < threshold: the sign bit of the difference (never −0 for distinct doubles).
                int below = (int) (Double.doubleToRawLongBits(x[m & 0xFF] - threshold[n]) >>> 63);
                int goLeft = below ^ (m >>> 31);
                int right = (m & ~SWAPPED) >>> 8;
                node[t] = right + ((n + 1 - right) & -goLeft);
            }
        }
        double sum = 0;
        for (int t = 0; t < trees; t++) {
            sum += leafDepth[node[t]];
        }
        return Math.pow(2.0, -(sum / trees) / normalizer);
    }

    public byte[] toBytes() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(dimension);
            out.writeDouble(normalizer);
            out.writeInt(roots.length);
            for (int r : roots) {
                out.writeInt(r);
            }
            out.writeInt(feature.length);
            for (int i = 0; i < feature.length; i++) {
                out.writeInt(feature[i]);
                out.writeDouble(slope[i]);
                out.writeDouble(bias[i]);
                out.writeInt(left[i]);
                out.writeInt(right[i]);
                out.writeDouble(leafDepth[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static FlatIsolationForest fromBytes(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown flat forest format " + format);
            }
            int dimension = in.readInt();
            double normalizer = in.readDouble();
            int[] roots = new int[in.readInt()];
            for (int i = 0; i < roots.length; i++) {
                roots[i] = in.readInt();
            }
            int n = in.readInt();
            int[] feature = new int[n];
            double[] slope = new double[n];
            double[] bias = new double[n];
            int[] left = new int[n];
            int[] right = new int[n];
            double[] leafDepth = new double[n];
            for (int i = 0; i < n; i++) {
                feature[i] = in.readInt();
                slope[i] = in.readDouble();
                bias[i] = in.readDouble();
                left[i] = in.readInt();
                right[i] = in.readInt();
                leafDepth[i] = in.readDouble();
            }
            return new FlatIsolationForest(dimension, normalizer, roots, feature, slope, bias, left, right, leafDepth);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt flat forest", e);
        }
    }

    /** Appends nodes depth-first so a tree's nodes are contiguous. */
    private static final class Builder {

        private final int dimension;
        private final List<int[]> links = new ArrayList<>();   // feature, left, right
        private final List<double[]> values = new ArrayList<>(); // slope, bias, leaf depth

        Builder(int dimension) {
            this.dimension = dimension;
        }

        int add(Object node, Field depth, Field slopeField, Field biasField, Field leftField, Field rightField)
                throws IllegalAccessException {
            int id = links.size();
            links.add(new int[] {LEAF, -1, -1});
            values.add(new double[] {0, 0, depth.getDouble(node)});
            Object l = leftField.get(node);
            Object r = rightField.get(node);
            if (l == null || r == null) {
                return id;
            }
            double[] normal = (double[]) slopeField.get(node);
            int axis = -1;
            for (int j = 0; j < normal.length; j++) {
                if (normal[j] != 0) {
                    if (axis >= 0) {
                        throw new IllegalArgumentException("split with several non-zero normal components");
                    }
                    axis = j;
                }
            }
            if (axis < 0) {
                // A zero normal (Smile draws it only if the Gaussian returns exactly 0): x·0 = ±0 for every row, so
                // any feature will do; the threshold is then fixed by the sign of the bias alone.
                axis = 0;
            }
            int leftId = add(l, depth, slopeField, biasField, leftField, rightField);
            int rightId = add(r, depth, slopeField, biasField, leftField, rightField);
            links.set(id, new int[] {axis, leftId, rightId});
            values.set(id, new double[] {normal[axis], biasField.getDouble(node), Double.NaN});
            return id;
        }

        FlatIsolationForest build(double normalizer, int[] roots) {
            int n = links.size();
            int[] feature = new int[n];
            double[] slope = new double[n];
            double[] bias = new double[n];
            int[] left = new int[n];
            int[] right = new int[n];
            double[] leafDepth = new double[n];
            for (int i = 0; i < n; i++) {
                feature[i] = links.get(i)[0];
                left[i] = links.get(i)[1];
                right[i] = links.get(i)[2];
                slope[i] = values.get(i)[0];
                bias[i] = values.get(i)[1];
                leafDepth[i] = values.get(i)[2];
            }
            return new FlatIsolationForest(dimension, normalizer, roots, feature, slope, bias, left, right, leafDepth);
        }
    }
}
