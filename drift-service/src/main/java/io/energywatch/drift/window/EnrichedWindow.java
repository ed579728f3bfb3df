package io.energywatch.drift.window;

import io.energywatch.analytics.drift.CurrentWindow;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.drift.config.DriftProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rolling window of enriched records drift runs read: a ring of at most {@code capacity-rows} rows in columns
 * (one array per feature, about 150 bytes a row), so memory is fixed whatever the topic holds; the oldest row is
 * overwritten first. Rows are kept in arrival order; a run selects them by interval start.
 */
@Component
public class EnrichedWindow {

    private final int capacity;
    private final long[] intervalStartMillis;
    private final double[][] numeric;
    private final String[][] categorical;
    private int next;
    private int size;

    public EnrichedWindow(DriftProperties properties) {
        this.capacity = properties.window().capacityRows();
        this.intervalStartMillis = new long[capacity];
        this.numeric = new double[EnrichedFeatures.NUMERIC.size()][capacity];
        this.categorical = new String[EnrichedFeatures.CATEGORICAL.size()][capacity];
    }

    public synchronized void add(ConsumptionEnriched record) {
        intervalStartMillis[next] = record.measurement().intervalStart().toEpochMilli();
        for (int f = 0; f < numeric.length; f++) {
            numeric[f][next] = EnrichedFeatures.NUMERIC.get(f).read().applyAsDouble(record);
        }
        for (int f = 0; f < categorical.length; f++) {
            categorical[f][next] = EnrichedFeatures.CATEGORICAL.get(f).read().apply(record);
        }
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** What the window holds now. */
    public record Extent(int rows, Optional<Instant> oldest, Optional<Instant> newest) {
    }

    public synchronized Extent extent() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, intervalStartMillis[i]);
            max = Math.max(max, intervalStartMillis[i]);
        }
        return size == 0 ? new Extent(0, Optional.empty(), Optional.empty())
                : new Extent(size, Optional.of(Instant.ofEpochMilli(min)), Optional.of(Instant.ofEpochMilli(max)));
    }

    /**
     * The rows whose interval starts in [from, to), at most {@code maxRows} of them taken at even steps (a light run
     * reads a thinned window), as columns.
     */
    public synchronized CurrentWindow select(Instant from, Instant to, int maxRows) {
        long lo = from.toEpochMilli();
        long hi = to.toEpochMilli();
        int[] rows = new int[size];
        int matched = 0;
        for (int i = 0; i < size; i++) {
            long t = intervalStartMillis[i];
            if (t >= lo && t < hi) {
                rows[matched++] = i;
            }
        }
        int kept = Math.min(matched, Math.max(1, maxRows));
        double step = matched == 0 ? 1 : matched / (double) kept;
        int[] chosen = new int[matched == 0 ? 0 : kept];
        for (int k = 0; k < chosen.length; k++) {
            chosen[k] = rows[(int) (k * step)];
        }
        Map<String, double[]> numericColumns = new HashMap<>();
        for (int f = 0; f < numeric.length; f++) {
            double[] column = new double[chosen.length];
            for (int k = 0; k < chosen.length; k++) {
                column[k] = numeric[f][chosen[k]];
            }
            numericColumns.put(EnrichedFeatures.NUMERIC.get(f).name(), column);
        }
        Map<String, List<String>> categoricalColumns = new HashMap<>();
        for (int f = 0; f < categorical.length; f++) {
            var column = new ArrayList<String>(chosen.length);
            for (int row : chosen) {
                column.add(categorical[f][row]);
            }
            categoricalColumns.put(EnrichedFeatures.CATEGORICAL.get(f).name(), column);
        }
        return new CurrentWindow(chosen.length, numericColumns, categoricalColumns);
    }

    /** Names of every feature the window keeps. */
    public static List<String> featureNames() {
        var names = new ArrayList<String>();
        EnrichedFeatures.NUMERIC.forEach(n -> names.add(n.name()));
        EnrichedFeatures.CATEGORICAL.forEach(c -> names.add(c.name()));
        return List.copyOf(names);
    }

}
