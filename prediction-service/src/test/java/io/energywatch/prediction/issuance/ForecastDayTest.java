package io.energywatch.prediction.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forecast a chart shows for each target day: the freshest step covering it, with its actual once scored. */
class ForecastDayTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String SERIES = "electricity:FR:odre:P1D";
    private static final LocalDate BASE = LocalDate.of(2024, 3, 28);

    @Test
    void eachDayTakesTheStepOfTheLatestBaseDayAndTheLatestIssueOfIt() {
        var older = forecast(BASE, "1", Instant.parse("2024-03-29T09:00:00Z"), 1000);
        var newer = forecast(BASE.plusDays(1), "1", Instant.parse("2024-03-30T09:00:00Z"), 2000);
        // A new champion issued again from the same base day: its steps replace the first issue's.
        var reissued = forecast(BASE.plusDays(1), "2", Instant.parse("2024-03-30T11:00:00Z"), 3000);

        var days = ForecastDay.freshest(List.of(reissued, older, newer), Map.of(), null, null, PARIS);

        assertThat(days).extracting(ForecastDay::date).containsExactly(BASE.plusDays(1), BASE.plusDays(2),
                BASE.plusDays(3), BASE.plusDays(4));
        assertThat(days.getFirst().energyMwh()).isEqualTo(1001);
        assertThat(days.getFirst().leadDays()).isEqualTo(1);
        assertThat(days.subList(1, 4)).extracting(ForecastDay::modelVersion).containsOnly("2");
        assertThat(days.get(1).energyMwh()).isEqualTo(3001);
        assertThat(days.get(1).lower95Mwh()).isLessThan(days.get(1).lower80Mwh());
        assertThat(days.get(1).upper95Mwh()).isGreaterThan(days.get(1).upper80Mwh());
    }

    @Test
    void aScoredDayCarriesItsActualAndTheWindowClipsTheDays() {
        var f = forecast(BASE, "1", Instant.parse("2024-03-29T09:00:00Z"), 1000);
        var step = f.steps().get(2);
        var scored = AccuracyRecord.score(f, step, 1010);

        var days = ForecastDay.freshest(List.of(f), Map.of(scored.id(), scored), BASE.plusDays(2), BASE.plusDays(3),
                PARIS);

        assertThat(days).extracting(ForecastDay::date).containsExactly(BASE.plusDays(2), BASE.plusDays(3));
        assertThat(days.getFirst().actualMwh()).isNull();
        assertThat(days.getFirst().inside95()).isNull();
        ForecastDay actual = days.get(1);
        assertThat(actual.actualMwh()).isEqualTo(1010);
        assertThat(actual.errorMwh()).isEqualTo(1010 - 1003);
        assertThat(actual.inside80()).isTrue();
        assertThat(actual.inside95()).isTrue();
    }

    @Test
    void theDayBoundsAreParisDaysSoTheSpringForwardDayHas23Hours() {
        var f = forecast(BASE, "1", Instant.parse("2024-03-29T09:00:00Z"), 1000);

        var days = ForecastDay.freshest(List.of(f), Map.of(), null, null, PARIS);

        ForecastDay springForward = days.stream().filter(d -> d.date().equals(LocalDate.of(2024, 3, 31)))
                .findFirst().orElseThrow();
        assertThat(springForward.start()).isEqualTo(Instant.parse("2024-03-30T23:00:00Z"));
        assertThat(Duration.between(springForward.start(), springForward.end())).isEqualTo(Duration.ofHours(23));
        assertThat(days.getFirst().start()).isEqualTo(Instant.parse("2024-03-28T23:00:00Z"));
    }

    /** A three-day forecast from base, the step of lead l at level + l, intervals ±4 % and ±7 %. */
    private static IssuedForecast forecast(LocalDate base, String version, Instant issuedAt, double level) {
        var steps = new ArrayList<IssuedForecast.Step>();
        for (int lead = 1; lead <= 3; lead++) {
            double e = level + lead;
            steps.add(new IssuedForecast.Step(base.plusDays(lead), lead, e, e * 0.96, e * 1.04, e * 0.93, e * 1.07,
                    null, WeatherBasis.CLIMATOLOGY, "event-" + lead));
        }
        return new IssuedForecast(IssuedForecast.idOf(SERIES, base, 3, version), SERIES, base, 3,
                "forecast." + SERIES + ".h3", version, "gbt", issuedAt, steps);
    }
}
