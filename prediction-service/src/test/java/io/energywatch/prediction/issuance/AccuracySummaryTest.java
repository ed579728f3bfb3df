package io.energywatch.prediction.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accuracy maths: a step's error and interval hits, and a group's MAE, MAPE, bias and coverage. */
class AccuracySummaryTest {

    private static final LocalDate BASE = LocalDate.of(2024, 3, 17);

    private static IssuedForecast.Step step(int lead, double point) {
        // 80 %: point ± 10; 95 %: point ± 20.
        return new IssuedForecast.Step(BASE.plusDays(lead), lead, point, point - 10, point + 10, point - 20,
                point + 20, 5.0, WeatherBasis.CLIMATOLOGY, "e" + lead);
    }

    private static IssuedForecast forecast(String version, IssuedForecast.Step... steps) {
        return new IssuedForecast(IssuedForecast.idOf("electricity:11:sim:P1D", BASE, steps.length, version),
                "electricity:11:sim:P1D", BASE, steps.length, "forecast.electricity:11:sim:P1D.h" + steps.length,
                version, "ridge", Instant.parse("2026-01-05T09:00:00Z"), List.of(steps));
    }

    @Test
    void aStepsErrorIsActualMinusForecastWithItsIntervalHits() {
        var f = forecast("1", step(1, 100));

        var inside = AccuracyRecord.score(f, f.steps().getFirst(), 110);
        assertThat(inside.errorMwh()).isEqualTo(10);
        assertThat(inside.absErrorMwh()).isEqualTo(10);
        assertThat(inside.percentError()).isCloseTo(100.0 * 10 / 110, within(1e-12));
        assertThat(inside.inside80()).as("the bounds are inclusive").isTrue();
        assertThat(inside.inside95()).isTrue();

        var wide = AccuracyRecord.score(f, f.steps().getFirst(), 85);
        assertThat(wide.errorMwh()).isEqualTo(-15);
        assertThat(wide.inside80()).isFalse();
        assertThat(wide.inside95()).isTrue();

        var zero = AccuracyRecord.score(f, f.steps().getFirst(), 0);
        assertThat(zero.percentError()).as("no percentage of nothing").isNull();
        assertThat(zero.inside95()).isFalse();
        assertThat(zero.id()).isEqualTo(f.id() + "|" + BASE.plusDays(1));
    }

    @Test
    void aGroupsMetricsAreMeansOverItsSteps() {
        var week = forecast("2", step(1, 100), step(2, 100), step(3, 100), step(4, 100));
        var records = List.of(
                AccuracyRecord.score(week, week.steps().get(0), 105),   // +5, in 80
                AccuracyRecord.score(week, week.steps().get(1), 90),    // -10, in 80
                AccuracyRecord.score(week, week.steps().get(2), 125),   // +25, outside both
                AccuracyRecord.score(week, week.steps().get(3), 0));    // -100, no percentage
        var dayAhead = forecast("1", step(1, 50));

        var groups = AccuracySummary.of(List.of(records.get(0), AccuracyRecord.score(dayAhead,
                dayAhead.steps().getFirst(), 50), records.get(1), records.get(2), records.get(3)));

        assertThat(groups).extracting(AccuracySummary::horizonDays).containsExactly(1, 4);
        var g = groups.get(1);
        assertThat(g.count()).isEqualTo(4);
        assertThat(g.maeMwh()).isEqualTo((5 + 10 + 25 + 100) / 4.0);
        assertThat(g.biasMwh()).isEqualTo((5 - 10 + 25 - 100) / 4.0);
        assertThat(g.mapePercent()).isCloseTo((100.0 * 5 / 105 + 100.0 * 10 / 90 + 100.0 * 25 / 125) / 3,
                within(1e-9));
        assertThat(g.coverage80Percent()).isEqualTo(50.0);
        assertThat(g.coverage95Percent()).isEqualTo(50.0);
        assertThat(g.from()).isEqualTo(BASE.plusDays(1));
        assertThat(g.to()).isEqualTo(BASE.plusDays(4));
        assertThat(g.modelVersions()).containsExactly("2");
        assertThat(groups.getFirst().mapePercent()).isZero();
    }
}
