package io.energywatch.anomaly;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A hand-made hourly load: a daily sine around 1,000 MW with small seeded noise, plus spikes at chosen hours that are
 * 80% above the curve, far outside anything the noise produces.
 */
public final class SyntheticSeries {

    public static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    public static final double SPIKE_FACTOR = 1.8;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private SyntheticSeries() {
    }

    /** The value of hour {@code i}, spiked when {@code i} is in {@code spikes}. */
    public static double[] values(int hours, Set<Integer> spikes) {
        Random noise = new Random(7);
        double[] v = new double[hours];
        for (int i = 0; i < hours; i++) {
            double base = 1000 + 300 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + noise.nextGaussian() * 5;
            v[i] = spikes.contains(i) ? base * SPIKE_FACTOR : base;
        }
        return v;
    }

    public static Instant hour(int i) {
        return START.plus(Duration.ofHours(i));
    }

    public static List<ConsumptionEnriched> enriched(SeriesId series, String region, double[] values) {
        var lineage = new Lineage("synthetic-series", null, null, START);
        List<ConsumptionEnriched> events = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            var measured = ConsumptionMeasured.of(series, region, hour(i), hour(i + 1), values[i], MeasurementUnit.MW,
                    QualityStatus.DEFINITIVE, List.of(), lineage);
            var day = hour(i).atZone(PARIS).toLocalDate();
            events.add(new ConsumptionEnriched(null, measured, day,
                    new ConsumptionEnriched.WeatherContext(true, null, null, null, null, null, null, null, null, null,
                            null, List.of()),
                    new ConsumptionEnriched.CalendarContext(day.getDayOfWeek(), day.getDayOfWeek().getValue() >= 6,
                            false, null, false, null),
                    ConsumptionEnriched.SocialContext.none()));
        }
        return events;
    }

    public static SeriesId series(String source) {
        return SeriesId.of(Carrier.ELECTRICITY, "11", source, "PT1H");
    }
}
