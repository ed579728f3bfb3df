package io.energywatch.analytics.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Expanding-window time-series cross-validation: n rows in date order cut into folds + 1 equal blocks; fold i trains on
 * blocks 0..i and validates on block i + 1 (the last block takes the remainder). Validation is always after training.
 */
public final class ExpandingWindowSplits {

    private ExpandingWindowSplits() {
    }

    /** A fold: training rows [0, trainEnd), validation rows [trainEnd, validationEnd). */
    public record Split(int trainEnd, int validationEnd) {
    }

    public static List<Split> of(int rows, int folds) {
        if (folds < 1) {
            throw new IllegalArgumentException("at least one fold: " + folds);
        }
        int block = rows / (folds + 1);
        if (block < 1) {
            throw new IllegalArgumentException(rows + " rows are too few for " + folds + " folds");
        }
        var splits = new ArrayList<Split>();
        for (int i = 1; i <= folds; i++) {
            splits.add(new Split(block * i, i == folds ? rows : block * (i + 1)));
        }
        return List.copyOf(splits);
    }
}
