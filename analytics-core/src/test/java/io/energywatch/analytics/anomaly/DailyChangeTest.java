package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class DailyChangeTest {

    private static final int SLOTS = 48;
    private static final DetectorConfig.SlowChange CONFIG =
            new DetectorConfig.SlowChange(4, 28, 10, 1.0, 6.0, 6.0, 1.0, Duration.ofDays(14));

    /**
     * 70 days of a half-hourly load that follows the degree days, {@code distortion} applied to each row by its day
     * (fractional); returns the changes found, in order.
     */
    private static List<DailyChange.Change> run(DoubleUnaryOperator distortion) {
        var clock = new SeriesClock(new DetectorConfig.Timing(ZoneOffset.UTC, 30, 5, 0, Duration.ZERO));
        var change = new DailyChange(CONFIG);
        var random = new Random(11);
        var found = new ArrayList<DailyChange.Change>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int day = 0; day < 70; day++) {
            double hdd = 10 + 5 * Math.sin(day / 6.0) + random.nextGaussian();
            double dayNoise = 1 + 0.012 * random.nextGaussian();
            for (int slot = 0; slot < SLOTS; slot++) {
                Instant t = start.plusSeconds(day * 86_400L + slot * 1800L);
                double shape = 1 + 0.3 * Math.sin(2 * Math.PI * slot / SLOTS);
                double x = (1000 + 40 * hdd) * shape * dayNoise * (1 + 0.008 * random.nextGaussian())
                        * (1 + distortion.applyAsDouble(day + slot / (double) SLOTS));
                var c = change.observe(t.getEpochSecond(), clock.position(t), SLOTS, x, hdd, 0, false, false, null);
                if (c != null) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    @Test
    void aLoadThatFollowsTheWeatherHasNoChange() {
        assertThat(run(d -> 0)).isEmpty();
    }

    @Test
    void aStepOfFifteenPercentIsOneLevelShiftAndItsEndOpensNothing() {
        List<DailyChange.Change> found = run(d -> d >= 40.3 && d < 45.3 ? 0.15 : 0);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().type()).isEqualTo(AnomalyType.LEVEL_SHIFT);
        assertThat(found.getFirst().direction()).isEqualTo(1);
        assertThat(found.getFirst().onsetEpochSecond())
                .isBetween(Instant.parse("2024-02-09T00:00:00Z").getEpochSecond(),
                        Instant.parse("2024-02-10T12:00:00Z").getEpochSecond());
    }

    @Test
    void aRampToMinusTwentyPercentOverEightDaysIsOneGradualDrift() {
        List<DailyChange.Change> found = run(d -> d >= 35 && d < 43 ? -0.20 * (d - 35) / 8 : 0);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().type()).isEqualTo(AnomalyType.GRADUAL_DRIFT);
        assertThat(found.getFirst().direction()).isEqualTo(-1);
    }
}
