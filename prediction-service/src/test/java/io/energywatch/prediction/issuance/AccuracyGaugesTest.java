package io.energywatch.prediction.issuance;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The realised MAPE gauges: per lead, the mean absolute percentage error of the latest scoring's records. */
class AccuracyGaugesTest {

    @Test
    void eachLeadShowsTheMapeOfTheRecordsItsLatestScoringWrote() {
        var registry = new SimpleMeterRegistry();
        var gauges = new AccuracyGauges(registry);
        gauges.scored(List.of(record(1, 100, 90), record(1, 100, 120), record(2, 50, 60), record(3, 0, 5)));

        assertThat(mape(registry, "1")).isEqualTo(15.0);
        assertThat(mape(registry, "2")).isEqualTo(20.0);
        // An actual of 0 has no percentage error: no gauge for a lead that has none.
        assertThat(registry.find("energywatch.forecast.mape").tag("horizon", "3").gauge()).isNull();

        gauges.scored(List.of(record(1, 200, 190)));
        assertThat(mape(registry, "1")).isEqualTo(5.0);
        // A lead the latest scoring did not write keeps its value.
        assertThat(mape(registry, "2")).isEqualTo(20.0);
    }

    private static double mape(SimpleMeterRegistry registry, String horizon) {
        return registry.get("energywatch.forecast.mape").tag("horizon", horizon).gauge().value();
    }

    private static AccuracyRecord record(int lead, double actual, double forecast) {
        double error = actual - forecast;
        Double percent = actual == 0 ? null : 100 * error / actual;
        LocalDate base = LocalDate.of(2024, 3, 1);
        return new AccuracyRecord("f|" + lead + "|" + actual, "f", "s", "m", "1", "ridge", 7, lead, base,
                base.plusDays(lead), forecast, actual, error, Math.abs(error), percent, true, true,
                WeatherBasis.values()[0]);
    }
}
