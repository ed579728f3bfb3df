package io.energywatch.analytics.drift;

import java.util.List;
import java.util.Map;

/**
 * The current data of a drift run, column by column: numeric columns as {@code double[]} (NaN = missing), categorical
 * ones as strings (null = missing). Columns are read, never modified.
 */
public record CurrentWindow(long rows, Map<String, double[]> numeric, Map<String, List<String>> categorical) {

    public CurrentWindow {
        numeric = Map.copyOf(numeric);
        categorical = Map.copyOf(categorical);
    }
}
