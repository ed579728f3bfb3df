package io.energywatch.analytics.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-built half-hourly consumption series: a daily profile plus Gaussian noise, with a seed per test. */
final class SeriesFixtures {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(30);
    static final int PER_DAY = 48;

    private SeriesFixtures() {
    }

    /** A daily load curve around 1000 MW (low at night, peak in the evening) with noise of {@code noise} MW. */
    static double[] dailyLoad(int days, double noise, long seed) {
        var random = new Random(seed);
        double[] values = new double[days * PER_DAY];
        for (int i = 0; i < values.length; i++) {
            double hour = (i % PER_DAY) / 2.0;
            values[i] = 1000 + 200 * Math.sin((hour - 9) / 24 * 2 * Math.PI) + noise * random.nextGaussian();
        }
        return values;
    }

    static Instant at(int index) {
        return START.plus(STEP.multipliedBy(index));
    }

    static List<Detection> run(StreamingDetector detector, double[] values) {
        var detections = new ArrayList<Detection>(values.length);
        for (int i = 0; i < values.length; i++) {
            detections.add(detector.next(Observation.of(at(i), values[i])));
        }
        return detections;
    }
}
