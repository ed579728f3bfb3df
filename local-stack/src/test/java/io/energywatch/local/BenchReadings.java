package io.energywatch.local;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The readings a platform bench sends: {@code series} meters of its own ({@code electricity:meter-<run>-<i>:ext-bench:PT15M},
 * so a run is told apart from everything else the stores hold), a row index per interval from {@code origin} on. Values
 * follow a daily cycle with a spike every {@link #SPIKE_EVERY} rows, so anomaly-service has anomalies to record. The
 * origin is in the past, before any dataset, so the readings neither move fusion's stream time nor meet stored weather.
 */
record BenchReadings(String run, int series, Instant origin) {

    static final Duration STEP = Duration.ofMinutes(15);
    static final String RESOLUTION = "PT15M";
    static final String SOURCE = "ext-bench";
    /** A spike once the detectors are past their three-day warm-up, and every 401 rows after that. */
    static final int SPIKE_EVERY = 401;
    private static final int ROWS_PER_DAY = 96;
    /** The column mapping of the generic CSV {@link #csv} writes. */
    static final Map<String, String> MAPPING = Map.of("timestampColumn", "time", "valueColumn", "mw",
            "seriesColumn", "series", "unit", "MW");

    static BenchReadings of(String prefix, int series) {
        return new BenchReadings(prefix + Long.toString(System.currentTimeMillis(), 36), series,
                Instant.parse("2001-01-01T00:00:00Z"));
    }

    List<String> seriesIds() {
        return IntStream.range(0, series).mapToObj(this::seriesId).toList();
    }

    String seriesId(int index) {
        return Carrier.ELECTRICITY.code() + ":meter-" + run + "-" + index + ":" + SOURCE + ":" + RESOLUTION;
    }

    Instant start(long row) {
        return origin.plus(STEP.multipliedBy(row));
    }

    /** The row of an interval start of these series. */
    long row(Instant start) {
        return Duration.between(origin, start).dividedBy(STEP);
    }

    double valueMw(int seriesIndex, long row) {
        double daily = Math.sin(2 * Math.PI * (row % ROWS_PER_DAY) / ROWS_PER_DAY);
        double value = 2.0 + 0.1 * seriesIndex + 0.8 * daily;
        return row % SPIKE_EVERY == SPIKE_EVERY - 1 ? value * 4 : value;
    }

    /** Rows [{@code from}, {@code to}) of every series as a generic CSV ({@link #MAPPING}). */
    String csv(long from, long to) {
        var text = new StringBuilder(64 * (int) (to - from) * series).append("time,series,mw\n");
        for (long row = from; row < to; row++) {
            String time = start(row).toString();
            for (int s = 0; s < series; s++) {
                text.append(time).append(',').append(seriesId(s)).append(',')
                        .append(String.format(java.util.Locale.ROOT, "%.4f", valueMw(s, row))).append('\n');
            }
        }
        return text.toString();
    }

    /** One reading as ingestion would publish it, accepted now: what a producer writes straight onto the raw topic. */
    ConsumptionMeasured measurement(int seriesIndex, long row, Instant acceptedAt) {
        Instant start = start(row);
        return ConsumptionMeasured.of(SeriesId.parse(seriesId(seriesIndex)), null, start, start.plus(STEP),
                valueMw(seriesIndex, row), MeasurementUnit.MW, QualityStatus.REAL_TIME, List.of(),
                new Lineage("platform-bench", null, null, acceptedAt));
    }

    /** The event id of a reading: what every stage is compared by. */
    static String id(String seriesId, Instant start) {
        return ConsumptionMeasured.id(seriesId, start);
    }
}
