package io.energywatch.analytics.drift;

/**
 * Corrections of p-values for testing many features at once; both control the family-wise error rate, Holm with more
 * power. Adjusted p-values are capped at 1 and, for Holm, made monotone in the order of the raw ones.
 */
public enum Correction {
    BONFERRONI {
        @Override
        public double[] adjust(double[] pValues) {
            int k = pValues.length;
            double[] adjusted = new double[k];
            for (int i = 0; i < k; i++) {
                adjusted[i] = Math.min(1.0, pValues[i] * k);
            }
            return adjusted;
        }
    },
    HOLM {
        @Override
        public double[] adjust(double[] pValues) {
            int k = pValues.length;
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> Double.compare(pValues[x], pValues[y]));
            double[] adjusted = new double[k];
            double running = 0;
            for (int rank = 0; rank < k; rank++) {
                int i = order[rank];
                running = Math.max(running, Math.min(1.0, (k - rank) * pValues[i]));
                adjusted[i] = running;
            }
            return adjusted;
        }
    };

    /** The adjusted p-values, in the order of the raw ones. */
    public abstract double[] adjust(double[] pValues);
}
