package io.energywatch.drift.window;

import io.energywatch.analytics.drift.CurrentWindow;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.SeriesId;
import io.energywatch.drift.config.DriftProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rolling window of enriched records drift runs read: a ring of at most {@code capacity-rows} rows in columns
 * (one array per feature, about 200 bytes a row), so memory is fixed whatever the topic holds; the oldest row is
 * overwritten first. A selection does not depend on arrival order: rows are ordered by interval start and series, and a
 * record received again (fusion re-emits a day when late weather arrives, a restart replays) counts once, as its latest
 * version. So a window rebuilt after a restart selects exactly what an uninterrupted one does.
 */
@Component
public class EnrichedWindow {

    private static final String ENERGY = "energyMwh";
    private static final String DAY = "P1D";

    private final int capacity;
    private final ZoneId zone;
    private final long[] intervalStartMillis;
    private final long[] intervalEndMillis;
    private final long[] arrival;
    private final int[] series;
    private final double[][] numeric;
    private final String[][] categorical;
    private final List<SeriesId> seriesByIndex = new ArrayList<>();
    private final List<String> seriesNames = new ArrayList<>();
    private final Map<String, Integer> seriesIndex = new HashMap<>();
    private final List<EnrichedFeatures.Numeric> numericFeatures;
    private long received;
    private int next;
    private int size;

    public EnrichedWindow(DriftProperties properties) {
        this.capacity = properties.window().capacityRows();
        this.zone = properties.schedule().zone();
        this.intervalStartMillis = new long[capacity];
        this.intervalEndMillis = new long[capacity];
        this.arrival = new long[capacity];
        this.series = new int[capacity];
        this.numericFeatures = new ArrayList<>(EnrichedFeatures.NUMERIC);
        numericFeatures.addAll(EnrichedFeatures.ALIASES);
        this.numeric = new double[numericFeatures.size()][capacity];
        this.categorical = new String[EnrichedFeatures.CATEGORICAL.size()][capacity];
    }

    public synchronized void add(ConsumptionEnriched record) {
        var measurement = record.measurement();
        intervalStartMillis[next] = measurement.intervalStart().toEpochMilli();
        intervalEndMillis[next] = measurement.intervalEnd().toEpochMilli();
        arrival[next] = received++;
        series[next] = seriesIndex.computeIfAbsent(measurement.seriesId(), id -> {
            seriesByIndex.add(SeriesId.parse(id));
            seriesNames.add(id);
            return seriesNames.size() - 1;
        });
        for (int f = 0; f < numeric.length; f++) {
            numeric[f][next] = numericFeatures.get(f).read().applyAsDouble(record);
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
     * Stream time of a scope: the newest interval end among its rows, empty when the window holds none. Runs end their
     * windows here, not at the wall clock: replayed or simulated history is analysed in its own time.
     */
    public synchronized Optional<Instant> streamTime(WindowScope scope) {
        boolean[] inScope = inScope(scope);
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (inScope[series[i]]) {
                max = Math.max(max, intervalEndMillis[i]);
            }
        }
        return max == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(max));
    }

    /** Every series of the window whose rows start in [from, to), row by row. */
    public CurrentWindow select(Instant from, Instant to, int maxRows) {
        return select(WindowScope.ALL, from, to, maxRows);
    }

    /**
     * The rows of a scope whose interval starts in [from, to) (for a daily scope, the day rows built from them), at
     * most {@code maxRows} taken at even steps (a light run reads a thinned window), as columns.
     */
    public synchronized CurrentWindow select(WindowScope scope, Instant from, Instant to, int maxRows) {
        int[] rows = distinctRows(scope, from.toEpochMilli(), to.toEpochMilli());
        return scope.daily() ? thin(days(rows), maxRows) : thin(columns(rows), maxRows);
    }

    /** Rows in scope and range, each (series, interval) once as its latest arrival, by interval start then series. */
    private int[] distinctRows(WindowScope scope, long lo, long hi) {
        boolean[] inScope = inScope(scope);
        var matched = new ArrayList<Integer>();
        for (int i = 0; i < size; i++) {
            long t = intervalStartMillis[i];
            if (t >= lo && t < hi && inScope[series[i]]) {
                matched.add(i);
            }
        }
        matched.sort(Comparator.<Integer>comparingLong(i -> intervalStartMillis[i])
                .thenComparing(i -> seriesNames.get(series[i])).thenComparingLong(i -> arrival[i]));
        int[] rows = new int[matched.size()];
        int kept = 0;
        for (int k = 0; k < matched.size(); k++) {
            int i = matched.get(k);
            boolean superseded = k + 1 < matched.size() && sameKey(i, matched.get(k + 1));
            if (!superseded) {
                rows[kept++] = i;
            }
        }
        return Arrays.copyOf(rows, kept);
    }

    private boolean sameKey(int a, int b) {
        return intervalStartMillis[a] == intervalStartMillis[b] && series[a] == series[b];
    }

    private boolean[] inScope(WindowScope scope) {
        boolean[] in = new boolean[seriesByIndex.size()];
        boolean publishedDaily = false;
        for (int s = 0; s < in.length; s++) {
            in[s] = scope.matches(seriesByIndex.get(s));
            publishedDaily |= in[s] && DAY.equals(seriesByIndex.get(s).resolution());
        }
        if (scope.daily() && publishedDaily) {
            // A source that publishes the daily series itself is read from it, not a second time from its intervals.
            for (int s = 0; s < in.length; s++) {
                in[s] &= DAY.equals(seriesByIndex.get(s).resolution());
            }
        }
        return in;
    }

    private CurrentWindow columns(int[] rows) {
        Map<String, double[]> numericColumns = new HashMap<>();
        for (int f = 0; f < numeric.length; f++) {
            double[] column = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                column[k] = numeric[f][rows[k]];
            }
            numericColumns.put(numericFeatures.get(f).name(), column);
        }
        Map<String, List<String>> categoricalColumns = new HashMap<>();
        for (int f = 0; f < categorical.length; f++) {
            var column = new ArrayList<String>(rows.length);
            for (int row : rows) {
                column.add(categorical[f][row]);
            }
            categoricalColumns.put(EnrichedFeatures.CATEGORICAL.get(f).name(), column);
        }
        return new CurrentWindow(rows.length, numericColumns, categoricalColumns);
    }

    /**
     * One row per series and local day: the day's energy is the sum of its intervals when they cover the whole day
     * (missing otherwise, never a partial sum), every other numeric feature the mean of its present values, and the
     * categorical ones (calendar and social context, the same all day) the day's first value.
     */
    private CurrentWindow days(int[] rows) {
        record DayKey(int series, LocalDate day) {
        }
        var groups = new LinkedHashMap<DayKey, List<Integer>>();
        for (int row : rows) {
            var day = LocalDate.ofInstant(Instant.ofEpochMilli(intervalStartMillis[row]), zone);
            groups.computeIfAbsent(new DayKey(series[row], day), k -> new ArrayList<>()).add(row);
        }
        int n = groups.size();
        Map<String, double[]> numericColumns = new HashMap<>();
        Map<String, List<String>> categoricalColumns = new HashMap<>();
        for (int f = 0; f < numeric.length; f++) {
            numericColumns.put(numericFeatures.get(f).name(), new double[n]);
        }
        for (var c : EnrichedFeatures.CATEGORICAL) {
            categoricalColumns.put(c.name(), new ArrayList<>(n));
        }
        int d = 0;
        for (var group : groups.entrySet()) {
            List<Integer> members = group.getValue();
            long covered = members.stream().mapToLong(r -> intervalEndMillis[r] - intervalStartMillis[r]).sum();
            LocalDate day = group.getKey().day();
            long dayLength = Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).toMillis();
            for (int f = 0; f < numeric.length; f++) {
                String name = numericFeatures.get(f).name();
                double sum = 0;
                int present = 0;
                for (int r : members) {
                    double v = numeric[f][r];
                    if (!Double.isNaN(v)) {
                        sum += v;
                        present++;
                    }
                }
                double value;
                if (name.equals(ENERGY)) {
                    value = covered == dayLength && present == members.size() ? sum : Double.NaN;
                } else {
                    value = present == 0 ? Double.NaN : sum / present;
                }
                numericColumns.get(name)[d] = value;
            }
            for (int f = 0; f < categorical.length; f++) {
                categoricalColumns.get(EnrichedFeatures.CATEGORICAL.get(f).name())
                        .add(categorical[f][members.getFirst()]);
            }
            d++;
        }
        return new CurrentWindow(n, numericColumns, categoricalColumns);
    }

    private static CurrentWindow thin(CurrentWindow all, int maxRows) {
        int matched = (int) all.rows();
        int kept = Math.min(matched, Math.max(1, maxRows));
        if (kept == matched) {
            return all;
        }
        double step = matched / (double) kept;
        int[] chosen = new int[kept];
        for (int k = 0; k < kept; k++) {
            chosen[k] = (int) (k * step);
        }
        Map<String, double[]> numericColumns = new HashMap<>();
        all.numeric().forEach((name, column) -> {
            double[] thinned = new double[kept];
            for (int k = 0; k < kept; k++) {
                thinned[k] = column[chosen[k]];
            }
            numericColumns.put(name, thinned);
        });
        Map<String, List<String>> categoricalColumns = new HashMap<>();
        all.categorical().forEach((name, column) -> {
            var thinned = new ArrayList<String>(kept);
            for (int k : chosen) {
                thinned.add(column.get(k));
            }
            categoricalColumns.put(name, thinned);
        });
        return new CurrentWindow(kept, numericColumns, categoricalColumns);
    }

    /** Names of every feature the window keeps. */
    public static List<String> featureNames() {
        var names = new ArrayList<String>();
        EnrichedFeatures.NUMERIC.forEach(n -> names.add(n.name()));
        EnrichedFeatures.ALIASES.forEach(n -> names.add(n.name()));
        EnrichedFeatures.CATEGORICAL.forEach(c -> names.add(c.name()));
        return List.copyOf(names);
    }
}
