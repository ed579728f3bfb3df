package io.energywatch.prediction.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForecastModelIdsTest {

    @Test
    void aForecastersIdNamesItsSeriesAndHorizonAndParsesBack() {
        String id = ForecastModelIds.of("electricity:FR:odre:P1D", 7);

        assertThat(id).isEqualTo("forecast.electricity:FR:odre:P1D.h7");
        assertThat(ForecastModelIds.parse(id))
                .contains(new ForecastModelIds.Key("electricity:FR:odre:P1D", 7));
    }

    @Test
    void anotherServicesModelIsNotAForecaster() {
        assertThat(ForecastModelIds.parse("anomaly.electricity.FR.odre")).isEmpty();
    }
}
