package io.energywatch.analytics.anomaly.forest;

import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/** Builds Smile 6.2.5 isolation trees by hand and reads their splits, through reflection on Smile's private layout. */
final class SmileTrees {

    private static final Class<?> NODE;
    private static final Constructor<?> LEAF;
    private static final Constructor<?> SPLIT;
    private static final Constructor<?> TREE;
    private static final Field ROOT;
    private static final Field SLOPE;
    private static final Field BIAS;
    private static final Field LEFT;
    private static final Field RIGHT;

    static {
        try {
            NODE = Class.forName("smile.anomaly.IsolationTree$Node");
            LEAF = NODE.getDeclaredConstructor(double.class);
            SPLIT = NODE.getDeclaredConstructor(double.class, double[].class, double[].class, double.class, NODE,
                    NODE);
            TREE = IsolationTree.class.getDeclaredConstructor(List.class, int.class, int.class);
            ROOT = IsolationTree.class.getDeclaredField("root");
            SLOPE = NODE.getDeclaredField("slope");
            BIAS = NODE.getDeclaredField("bias");
            LEFT = NODE.getDeclaredField("left");
            RIGHT = NODE.getDeclaredField("right");
            for (var member : List.of(LEAF, SPLIT, TREE, ROOT, SLOPE, BIAS, LEFT, RIGHT)) {
                member.setAccessible(true);
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SmileTrees() {
    }

    static Object leaf(double depth) {
        try {
            return LEAF.newInstance(depth);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A split node as Smile builds it: go left when {@code MathEx.dot(x, slope) < bias}. */
    static Object split(double depth, double[] slope, double bias, Object left, Object right) {
        try {
            return SPLIT.newInstance(depth, slope, new double[slope.length], bias, left, right);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static IsolationTree tree(Object root, int p) {
        try {
            var tree = (IsolationTree) TREE.newInstance(List.of(new double[p]), 0, 0);
            ROOT.set(tree, root);
            return tree;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An axis-aligned forest over {@code p} features, normalised as if trained on {@code n} rows. */
    static IsolationForest forest(int n, int p, IsolationTree... trees) {
        return new IsolationForest(n, p, 0, trees);
    }

    /** The normal and bias of every split node of the forest: {slope..., bias}. */
    static List<double[]> splits(IsolationForest forest) {
        var splits = new ArrayList<double[]>();
        try {
            for (IsolationTree tree : forest.trees()) {
                var pending = new ArrayList<Object>(List.of(ROOT.get(tree)));
                while (!pending.isEmpty()) {
                    Object node = pending.removeLast();
                    Object left = LEFT.get(node);
                    Object right = RIGHT.get(node);
                    if (left != null && right != null) {
                        double[] slope = (double[]) SLOPE.get(node);
                        double[] split = java.util.Arrays.copyOf(slope, slope.length + 1);
                        split[slope.length] = BIAS.getDouble(node);
                        splits.add(split);
                        pending.add(left);
                        pending.add(right);
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return splits;
    }
}
