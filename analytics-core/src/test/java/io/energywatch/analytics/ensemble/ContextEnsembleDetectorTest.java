package io.energywatch.analytics.ensemble;

import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.contracts.AnomalyType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Hourly series with a daily cycle, noise and a spike; the context ensemble beside its two members run alone. */
class ContextEnsembleDetectorTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final ContextEnsembleConfig CONFIG = ContextEnsembleConfig.defaults().withZone(ZoneOffset.UTC);

    private static List<Observation> series(int rows, int spikeAt) {
        var noise = new SplittableRandom(5);
        var out = new ArrayList<Observation>();
        for (int i = 0; i < rows; i++) {
            double v = 100 + 10 * Math.sin(2 * Math.PI * i / 24) + 2 * noise.nextGaussian();
            out.add(Observation.of(START.plus(Duration.ofHours(i)), i == spikeAt ? v + 80 : v));
        }
        return out;
    }

    /** The evaluation combines the members' scores with {@code score(...)}; the detector must give the same rows. */
    @Test
    void eachRowScoresTheLargerOfTheStreamingScoreAndTheMappedContextScoreAndTheSpikeIsASpike() {
        var ensemble = new ContextEnsembleDetector(CONFIG);
        var streaming = new StreamingDetector(CONFIG.streaming());
        var context = new ContextAnomalyDetector(CONFIG.context());
        int contextAbove = 0;
        List<Observation> series = series(1500, 1200);
        for (Observation o : series) {
            Detection e = ensemble.next(o);
            if (o == series.get(1200)) {
                assertThat(e.anomaly()).as("the spike").isTrue();
                assertThat(e.type()).isEqualTo(AnomalyType.SPIKE);
                assertThat(e.recommendation()).isNotBlank();
            }
            Detection s = streaming.next(o);
            double c = context.scoreAndLearn(o.value());
            double expected = s.warmingUp() ? s.score() : CONFIG.score(s.score(), c);
            assertThat(e.score()).isEqualTo(expected).isGreaterThanOrEqualTo(s.score());
            assertThat(e.warmingUp()).isEqualTo(s.warmingUp());
            contextAbove += !s.warmingUp() && e.score() > s.score() ? 1 : 0;
        }
        assertThat(contextAbove).as("rows the CAD member raised").isPositive();
    }

    @Test
    void theContextScoreIsMappedOntoTheStreamingScale() {
        var config = CONFIG.withContextAlarmScore(0.8);
        assertThat(config.score(0, 0.8)).isEqualTo(0.5);
        assertThat(config.score(0, 0.4)).isEqualTo(0.25);
        assertThat(config.score(0, 0.9)).isCloseTo(0.75, offset(1e-12));
        assertThat(config.score(0.9, 0.8)).as("the streaming score when larger").isEqualTo(0.9);
        assertThat(config.withMembers(new ContextEnsembleConfig.Members(false, true)).score(0.9, 0.8)).isEqualTo(0.5);
        assertThat(config.withMembers(new ContextEnsembleConfig.Members(true, false)).score(0.1, 1)).isEqualTo(0.1);
    }

    /** {@code /detect}'s default: CAD alone over the series' range, NAB's probation learned, the streaming member explaining. */
    @Test
    void overTheWholeSeriesCadAloneScoresEachRowAfterTheProbationaryPeriodAndExplainsTheSpike() {
        var config = ContextEnsembleConfig.wholeSeries().withZone(ZoneOffset.UTC);
        List<Observation> series = series(1500, 1200);
        List<Double> values = series.stream().map(Observation::value).toList();
        var detector = ContextEnsembleDetector.overSeries(config, values);
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        var cad = ContextAnomalyDetector.overRange(config.context().withRestRows(45), min, max);
        int flagged = 0;
        for (int i = 0; i < series.size(); i++) {
            Detection d = detector.next(series.get(i));
            double c = cad.scoreAndLearn(values.get(i));
            if (i < 225) {
                assertThat(d.warmingUp()).as("row %d, in NAB's probationary period (15 %% of 1,500)", i).isTrue();
                assertThat(d.anomaly()).isFalse();
                assertThat(d.score()).isZero();
                continue;
            }
            assertThat(d.warmingUp()).isFalse();
            assertThat(d.score()).as("row %d: CAD over [min, max] resting 45 rows, 0.75 mapped to 0.5", i)
                    .isEqualTo(config.score(0, c));
            assertThat(d.anomaly()).isEqualTo(c >= 0.75);
            flagged += d.anomaly() ? 1 : 0;
        }
        var spike = ContextEnsembleDetector.overSeries(config, values);
        Detection atSpike = null;
        for (int i = 0; i <= 1200; i++) {
            atSpike = spike.next(series.get(i));
        }
        assertThat(atSpike.anomaly()).as("the spike").isTrue();
        assertThat(atSpike.type()).isEqualTo(AnomalyType.SPIKE);
        assertThat(atSpike.contributions()).singleElement().satisfies(contribution -> {
            assertThat(contribution.feature()).isEqualTo(ContextEnsembleDetector.CONTEXT_NOVELTY);
            assertThat(contribution.contribution()).isEqualTo(1.0);
        });
        assertThat(atSpike.expected()).as("the streaming member's baseline").isBetween(80.0, 120.0);
        assertThat(flagged).as("rows flagged of 1,275 scored").isBetween(1, 40);
    }

    @Test
    void settingsAreValidatedNamingTheSetting() {
        assertThatThrownBy(() -> new ContextEnsembleConfig.Members(false, false)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> CONFIG.withContextAlarmScore(1)).hasMessageContaining("contextAlarmScore 1");
    }
}
