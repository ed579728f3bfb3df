package io.energywatch.analytics.anomaly.bench;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.FeatureFrame;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.SeriesFeatures;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.analytics.anomaly.forest.ForestConfig;
import io.energywatch.analytics.anomaly.forest.ForestTrainer;
import io.energywatch.analytics.anomaly.forest.GroupForest;
import smile.anomaly.IsolationForest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Scoring throughput on one thread: the whole detector (features, streaming statistics, flat group forest, explanation
 * of anomalies) against Smile's own {@code IsolationForest.score} and the flat forest alone, on the same rows in the
 * same run. Not a test; pin it to one core: {@code taskset -c 1 java -cp ... DetectorBench [consumption]}
 * ({@code consumption}: {@link DetectorConfig#consumption()}, what anomaly-service runs; default: the defaults).
 */
public final class DetectorBench {

    private static final int SERIES = 8;
    private static final int ROWS_PER_SERIES = 60 * 48;
    private static final int ROUNDS = 7;

    private DetectorBench() {
    }

    public static void main(String[] args) {
        // "consumption": the configuration anomaly-service runs on the enriched stream; default: /detect's.
        boolean consumption = args.length > 0 && args[0].equals("consumption");
        DetectorConfig config = (consumption ? DetectorConfig.consumption() : DetectorConfig.defaults())
                .withZone(ZoneId.of("Europe/Paris"));
        System.out.println("configuration: " + (consumption ? "DetectorConfig.consumption()" : "DetectorConfig.defaults()"));
        List<Observation[]> series = new ArrayList<>();
        for (int s = 0; s < SERIES; s++) {
            series.add(observations(s));
        }
        var reference = new ArrayList<FeatureFrame>();
        var features = new SeriesFeatures(config);
        for (Observation o : series.getFirst()) {
            reference.add(features.next(o));
        }
        var trained = new ForestTrainer(ForestConfig.defaults()).train(reference.subList(0, 30 * 48));
        GroupForest forest = trained.forest();
        IsolationForest smile = trained.smileModel();

        // The rows the forest reads, from every series, for the model-only comparisons.
        var rows = new ArrayList<double[]>();
        for (Observation[] observations : series) {
            var f = new SeriesFeatures(config);
            for (Observation o : observations) {
                rows.add(forest.row(f.next(o)));
            }
        }
        double[][] forestRows = rows.toArray(double[][]::new);
        long events = (long) SERIES * ROWS_PER_SERIES;
        System.out.printf("%d series × %d half-hourly rows = %d events; forest: %d trees, %d features, %d nodes%n",
                SERIES, ROWS_PER_SERIES, events, forest.forest().trees(), forest.features().size(),
                forest.forest().nodes());

        double whole = measure("whole detector (features + streaming + flat forest)", events, () -> {
            double sink = 0;
            for (Observation[] observations : series) {
                var detector = new StreamingDetector(config, forest);
                for (Observation o : observations) {
                    sink += detector.next(o).score();
                }
            }
            return sink;
        });
        double streaming = measure("streaming detector without forest", events, () -> {
            double sink = 0;
            for (Observation[] observations : series) {
                var detector = new StreamingDetector(config);
                for (Observation o : observations) {
                    sink += detector.next(o).score();
                }
            }
            return sink;
        });
        double flat = measure("FlatIsolationForest.score", forestRows.length, () -> {
            double sink = 0;
            for (double[] row : forestRows) {
                sink += forest.forest().score(row);
            }
            return sink;
        });
        double smileRate = measure("Smile IsolationForest.score", forestRows.length, () -> {
            double sink = 0;
            for (double[] row : forestRows) {
                sink += smile.score(row);
            }
            return sink;
        });
        System.out.printf("%nsummary (events/s, one thread): whole detector %,.0f | streaming only %,.0f | "
                + "flat forest %,.0f | Smile forest %,.0f (flat/Smile ×%.1f)%n", whole, streaming, flat, smileRate,
                flat / smileRate);
    }

    /** Median events/s over the timed rounds, after as many untimed warm-up rounds. */
    private static double measure(String name, long events, java.util.function.DoubleSupplier work) {
        double sink = 0;
        for (int i = 0; i < ROUNDS; i++) {
            sink += work.getAsDouble();
        }
        double[] rates = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            sink += work.getAsDouble();
            rates[i] = events / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("%-55s %,12.0f events/s (min %,.0f, max %,.0f)   [checksum %.3f]%n", name,
                rates[ROUNDS / 2], rates[0], rates[ROUNDS - 1], sink);
        return rates[ROUNDS / 2];
    }

    private static Observation[] observations(int seed) {
        var random = new Random(seed);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        double level = 500 + 200 * seed;
        var out = new Observation[ROWS_PER_SERIES];
        for (int i = 0; i < out.length; i++) {
            double hour = (i % 48) / 2.0;
            double v = level * (1 + 0.2 * Math.sin((hour - 9) / 24 * 2 * Math.PI))
                    + 0.02 * level * random.nextGaussian();
            if (random.nextDouble() < 0.002) {
                v *= 1.5;
            }
            double hdd = Math.max(0, 15 - 10 * Math.sin(i * 2 * Math.PI / (365 * 48)));
            out[i] = new Observation(start.plus(Duration.ofMinutes(30L * i)), v, hdd, 0.0, false, (i / 48) % 7 >= 5,
                    false);
        }
        return out;
    }
}
