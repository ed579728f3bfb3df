package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherObserved;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-made input events for the fusion tests. */
final class Events {

    static final Lineage LINEAGE = new Lineage("fusion-test", null, null, Instant.parse("2024-01-01T00:00:00Z"));
    static final SeriesId NATIONAL = SeriesId.of(Carrier.ELECTRICITY, "FR", "odre", "PT30M");
    static final SeriesId BRETAGNE = SeriesId.of(Carrier.GAS, "53", "grtgaz", "PT1H");
    static final SeriesId PACA = SeriesId.of(Carrier.ELECTRICITY, "93", "eco2mix", "PT30M");

    private Events() {
    }

    static ConsumptionMeasured halfHour(SeriesId series, Instant start, double mw) {
        return ConsumptionMeasured.of(series, series.isRegional() ? series.area() : null, start,
                start.plus(Duration.ofMinutes(30)), mw, MeasurementUnit.MW, QualityStatus.CONSOLIDATED, List.of(),
                LINEAGE);
    }

    static ConsumptionMeasured hour(SeriesId series, Instant start, double mw) {
        return ConsumptionMeasured.of(series, series.isRegional() ? series.area() : null, start,
                start.plus(Duration.ofHours(1)), mw, MeasurementUnit.MW, QualityStatus.CONSOLIDATED, List.of(),
                LINEAGE);
    }

    /** The half-hours of a whole local day (46, 48 or 50 of them). */
    static List<ConsumptionMeasured> dayOfHalfHours(SeriesId series, LocalDate date, double mw) {
        List<ConsumptionMeasured> values = new ArrayList<>();
        Instant end = LocalDays.start(date.plusDays(1));
        for (Instant t = LocalDays.start(date); t.isBefore(end); t = t.plus(Duration.ofMinutes(30))) {
            values.add(halfHour(series, t, mw));
        }
        return values;
    }

    static ConsumptionMeasured daily(SeriesId daily, LocalDate date, double mwh) {
        return ConsumptionMeasured.of(daily, daily.isRegional() ? daily.area() : null, LocalDays.start(date),
                LocalDays.start(date.plusDays(1)), mwh, MeasurementUnit.MWH, QualityStatus.DEFINITIVE, List.of(),
                LINEAGE);
    }

    /** historique-meteo's day: the extremes given, wind 12 km/h, humidity 80%, visibility 9.5 km, cloud cover 50%. */
    static WeatherObserved weather(String region, LocalDate date, double min, double max) {
        return weather(region, date, min, max, 12.0, 80.0, 9.5, 50.0);
    }

    static WeatherObserved weather(String region, LocalDate date, double min, double max, Double windKmh,
                                   Double humidityPercent, Double visibilityKm, Double cloudCoverPercent) {
        return new WeatherObserved(null, region, date, min, max, null, windKmh, humidityPercent, visibilityKm,
                cloudCoverPercent, null, "historique-meteo", List.of(), List.of(), LINEAGE);
    }

    static WeatherObserved weatherMean(String region, LocalDate date, double mean) {
        return new WeatherObserved(null, region, date, null, null, mean, null, null, null, null, null, "sim",
                List.of(), List.of(), LINEAGE);
    }

    static SocialMovementDeclared nationalStrike(String id, LocalDate from, LocalDate to, Double rate, String motive) {
        return new SocialMovementDeclared(null, id, from, to, MovementScope.NATIONAL, List.of(), motive, "CGT", null,
                null, null, rate, "sncf", LINEAGE);
    }

    static SocialMovementDeclared regionalStrike(String id, LocalDate from, LocalDate to, List<String> regions,
                                                 Double rate, String motive) {
        return new SocialMovementDeclared(null, id, from, to, MovementScope.REGIONAL, regions, motive, null, null,
                null, null, rate, "seed-gas", LINEAGE);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
