package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.WeatherObserved;

import java.time.LocalDate;
import java.util.List;

/** One region's simulated weather on one local day, unrounded, as the consumption model sees it. */
record DailyWeather(String regionCode, LocalDate date, double tempMinC, double tempMaxC, double tempMeanC,
                    double windKmh, double humidityPercent, double visibilityKm, double cloudCoverPercent,
                    double dayLengthHours) {

    static final String SOURCE = "sim";

    WeatherObserved toEvent(Lineage lineage) {
        return new WeatherObserved(null, regionCode, date, round1(tempMinC), round1(tempMaxC), round1(tempMeanC),
                round1(windKmh), round1(humidityPercent), round1(visibilityKm), round1(cloudCoverPercent),
                (int) Math.round(dayLengthHours * 60), SOURCE, List.of(), List.of(), lineage);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
