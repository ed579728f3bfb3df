package io.energywatch.analytics.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic series that reach every branch of the detector: a weather-driven half-hourly load across a DST change
 * with spikes, drops, a stuck meter, a level shift, a drift, a burst of moderate spikes and gaps; a bare 5-minute
 * series; a series that crosses zero; count data full of zeros; an hourly series with irregular gaps; and random cases
 * (a random valid configuration with a random series each). Generated with {@link StrictMath} and seeded
 * {@link Random}s so every JVM produces the same rows.
 */
final class GoldenCorpus {

    record Series(String name, List<Observation> rows) {
    }

    /** A random configuration with a random series: the branches and boundaries no hand-made series reaches. */
    record RandomCase(String name, DetectorConfig config, List<Observation> rows) {
    }

    private GoldenCorpus() {
    }

    static List<Series> all() {
        return List.of(weatherLoad(), bareFiveMinutes(), crossingZero(), counts(), irregular());
    }

    /** Ten weeks of half-hourly load from 1 March (Europe/Paris changes to summer time on the 31st). */
    private static Series weatherLoad() {
        var random = new Random(17);
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        int rows = 70 * 48;
        var out = new ArrayList<Observation>(rows);
        for (int i = 0; i < rows; i++) {
            int day = i / 48;
            double hour = (i % 48) / 2.0;
            double temperature = 8 + 6 * StrictMath.sin(day / 9.0) + 4 * StrictMath.sin((hour - 15) / 24 * 2 * Math.PI)
                    + random.nextGaussian();
            double hdd = Math.max(0, 15 - temperature);
            double cdd = Math.max(0, temperature - 22);
            boolean weekend = (day + 4) % 7 >= 5; // 2024-03-01 was a Friday
            double value = (weekend ? 820 : 1000) + 180 * StrictMath.sin((hour - 9) / 24 * 2 * Math.PI)
                    + 22 * hdd + 15 * random.nextGaussian();
            if (i == 900 || i == 1700 || i == 2950) {
                value += 650;
            }
            if (i == 1250 || i == 2400) {
                value -= 600;
            }
            if (i >= 2000 && i < 2192) {
                value *= 1.18;
            }
            if (i >= 2600 && i < 3100) {
                value += (i - 2600) * 0.6;
            }
            if (i >= 3200 && i < 3240 && i % 4 == 0) {
                value += 160;
            }
            if (i >= 1400 && i < 1428) {
                value = 977.5;
            }
            Double boxed = i % 311 == 7 ? null : value;
            boolean withWeather = i % 97 != 3;
            out.add(new Observation(start.plus(Duration.ofMinutes(30L * i)), boxed, withWeather ? hdd : null,
                    withWeather ? cdd : null, day == 31, weekend, day >= 40 && day < 42));
        }
        return new Series("weather-load", out);
    }

    /** Three weeks of 5-minute values without context: spikes, a meter stuck at 0, NaNs and gaps. */
    private static Series bareFiveMinutes() {
        var random = new Random(23);
        Instant start = Instant.parse("2024-10-20T00:00:00Z");
        int rows = 21 * 288;
        var out = new ArrayList<Observation>(rows);
        for (int i = 0; i < rows; i++) {
            double hour = (i % 288) / 12.0;
            double value = 40 + 12 * StrictMath.sin((hour - 8) / 24 * 2 * Math.PI) + 2 * random.nextGaussian();
            if (i % 1500 == 1400) {
                value *= 2.5;
            }
            if (i >= 3000 && i < 3080) {
                value = 0;
            }
            Double boxed = i % 500 == 250 ? Double.valueOf(Double.NaN) : i % 777 == 5 ? null : value;
            out.add(Observation.of(start.plus(Duration.ofMinutes(5L * i)), boxed));
        }
        return new Series("bare-5min", out);
    }

    /** Six weeks of an hourly net flow that crosses zero, with a shift and a spike. */
    private static Series crossingZero() {
        var random = new Random(29);
        Instant start = Instant.parse("2024-01-08T00:00:00Z");
        int rows = 42 * 24;
        var out = new ArrayList<Observation>(rows);
        for (int i = 0; i < rows; i++) {
            double value = 30 * StrictMath.sin(((i % 24) - 6) / 24.0 * 2 * Math.PI) + 4 * random.nextGaussian();
            if (i >= 700 && i < 780) {
                value += 25;
            }
            if (i == 880) {
                value -= 90;
            }
            double hdd = 5 + (i % 11);
            out.add(new Observation(start.plus(Duration.ofHours(i)), value, hdd, 0.0, false, false, false));
        }
        return new Series("crossing-zero", out);
    }

    /** Two weeks of 10-minute event counts, mostly zeros, with a burst. */
    private static Series counts() {
        var random = new Random(31);
        Instant start = Instant.parse("2024-06-03T00:00:00Z");
        int rows = 14 * 144;
        var out = new ArrayList<Observation>(rows);
        for (int i = 0; i < rows; i++) {
            double value = random.nextDouble() < 0.15 ? 1 + random.nextInt(3) : 0;
            if (i >= 1500 && i < 1520) {
                value += 9;
            }
            out.add(Observation.of(start.plus(Duration.ofMinutes(10L * i)), value));
        }
        return new Series("counts", out);
    }

    /** Hourly readings with irregular gaps of one to seven hours and a level shift. */
    private static Series irregular() {
        var random = new Random(37);
        Instant t = Instant.parse("2024-02-01T00:00:00Z");
        var out = new ArrayList<Observation>();
        for (int i = 0; i < 900; i++) {
            t = t.plus(Duration.ofHours(i % 13 == 0 ? 1 + random.nextInt(7) : 1));
            double value = 500 + 80 * StrictMath.cos(i / 24.0 * 2 * Math.PI) + 10 * random.nextGaussian()
                    + (i >= 600 ? 120 : 0);
            out.add(Observation.of(t, value));
        }
        return new Series("irregular", out);
    }

    /** {@code count} random cases, each from its own seed: every setting drawn within its valid range. */
    static List<RandomCase> randomCases(int count) {
        var cases = new ArrayList<RandomCase>(count);
        for (int seed = 1; seed <= count; seed++) {
            var random = new Random(seed);
            cases.add(new RandomCase("random-" + seed, randomConfig(random), randomSeries(random)));
        }
        return cases;
    }

    private static DetectorConfig randomConfig(Random r) {
        ZoneId zone = r.nextBoolean() ? ZoneId.of("Europe/Paris") : ZoneOffset.UTC;
        int depthWeeks = between(r, 1, 6);
        int depthDays = between(r, 1, 7);
        return new DetectorConfig(
                new DetectorConfig.Timing(zone, r.nextInt(3) == 0 ? 60 : 0, between(r, 1, 10), between(r, 0, 100),
                        Duration.ofHours(between(r, 0, 72))),
                new DetectorConfig.Scales(between(r, 3, 120), between(r, 3, 1500), 0.02 * r.nextDouble(),
                        r.nextBoolean() ? 0 : between(r, 10, 3000), 0.9 + 0.099 * r.nextDouble()),
                new DetectorConfig.Seasonal(depthWeeks, depthDays, between(r, 1, depthWeeks), between(r, 1, depthDays),
                        r.nextBoolean() ? 0 : 0.5 + 2.5 * r.nextDouble(), r.nextBoolean() ? 0 : 2 + 8 * r.nextDouble(),
                        hours(r, 48, true)),
                new DetectorConfig.Profile(r.nextInt(3) == 0 ? 0 : between(r, 3, 24),
                        r.nextInt(3) == 0 ? 0 : between(r, 7, 28), hours(r, 240, true)),
                new DetectorConfig.Alarm(3 + 6 * r.nextDouble(), between(r, 1, 5), SeverityScale.DEFAULT),
                new DetectorConfig.Stuck(between(r, 2, 10), 1 + 5 * r.nextDouble(), between(r, 0, 4), r.nextBoolean()),
                new DetectorConfig.Cusum(2 * r.nextDouble(), 5 + 15 * r.nextDouble(), 20 + 40 * r.nextDouble(),
                        1 + 4 * r.nextDouble()),
                new DetectorConfig.Drift(hours(r, 48, false), Duration.ofDays(between(r, 2, 20)), 2 + 4 * r.nextDouble()),
                new DetectorConfig.Weather(0.95 + 0.05 * r.nextDouble(), between(r, 0, 100), r.nextDouble()),
                new DetectorConfig.Episode(hours(r, 48, false), 1 + 2 * r.nextDouble(), 0.1 + 0.9 * r.nextDouble()),
                new DetectorConfig.Density(r.nextBoolean() ? 0 : between(r, 3, 50), 2 + 4 * r.nextDouble()),
                DetectorConfig.SlowChange.OFF);
    }

    /** A daily shape with noise, optional weather, gaps, missing values, and random spikes, shifts and stuck runs. */
    private static List<Observation> randomSeries(Random r) {
        int rows = between(r, 500, 3000);
        long step = new long[] {300, 600, 1800, 3600}[r.nextInt(4)];
        Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(r.nextInt(400) * 86_400L);
        double base = r.nextBoolean() ? 10 + 4990 * r.nextDouble() : -20 + 40 * r.nextDouble();
        double noise = 0.1 * r.nextDouble() * Math.max(1, Math.abs(base));
        boolean weather = r.nextBoolean();
        double shift = 0;
        double previous = base;
        int stuckLeft = 0;
        var out = new ArrayList<Observation>(rows);
        for (int i = 0; i < rows; i++) {
            t = t.plusSeconds(r.nextInt(50) == 0 ? step * between(r, 2, 6) : step);
            double day = (t.getEpochSecond() % 86_400) / 86_400.0;
            double hdd = Math.max(0, 5 - 8 * StrictMath.sin(i / 500.0) - 3 * r.nextGaussian());
            double v = base * (1 + 0.2 * StrictMath.sin(2 * Math.PI * day)) + noise * r.nextGaussian() + shift
                    + (weather ? 5 * hdd : 0);
            int event = r.nextInt(400);
            if (event == 0) {
                v += (3 + 12 * r.nextDouble()) * noise * (r.nextBoolean() ? 1 : -1) + (r.nextBoolean() ? base * 0.5 : 0);
            } else if (event == 1) {
                shift += (0.6 * r.nextDouble() - 0.3) * Math.abs(base);
            } else if (event == 2) {
                stuckLeft = between(r, 5, 80);
            }
            if (stuckLeft > 0) {
                v = previous;
                stuckLeft--;
            }
            if (r.nextInt(30) == 0 && i > 300) {
                v += (2 + 4 * r.nextDouble()) * noise;
            }
            Double value = r.nextInt(200) == 0 ? null : v;
            Double heating = weather && r.nextInt(50) != 0 ? hdd : null;
            out.add(new Observation(t, value, heating, heating == null ? null : 0.0, r.nextInt(100) == 0, false,
                    false));
            if (value != null) {
                previous = v;
            }
        }
        return out;
    }

    private static int between(Random r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    private static Duration hours(Random r, int max, boolean zeroAllowed) {
        return Duration.ofHours(zeroAllowed && r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(max));
    }
}
