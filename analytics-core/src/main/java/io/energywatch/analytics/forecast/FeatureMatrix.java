package io.energywatch.analytics.forecast;

import java.time.LocalDate;
import java.util.List;

/** Model rows in date order: the feature names, each row's day, its features and its target energy (MWh). */
public record FeatureMatrix(List<String> names, List<LocalDate> dates, double[][] x, double[] y) {

    public FeatureMatrix {
        names = List.copyOf(names);
        dates = List.copyOf(dates);
        if (dates.size() != x.length || x.length != y.length) {
            throw new IllegalArgumentException("dates, rows and targets differ in length");
        }
    }

    public int rows() {
        return y.length;
    }

    /** Rows [from, to) by position. */
    public FeatureMatrix slice(int from, int to) {
        return new FeatureMatrix(names, dates.subList(from, to), java.util.Arrays.copyOfRange(x, from, to),
                java.util.Arrays.copyOfRange(y, from, to));
    }
}
