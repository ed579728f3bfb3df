package io.energywatch.drift.window;

import io.energywatch.contracts.ConsumptionEnriched;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The features of an enriched record the window keeps, named as model profiles name them: numeric values in their
 * unit (NaN when missing), and categorical ones as strings. A model's profile features outside this list are reported
 * as not observed.
 */
public final class EnrichedFeatures {

    public record Numeric(String name, ToDoubleFunction<ConsumptionEnriched> read) {
    }

    public record Categorical(String name, Function<ConsumptionEnriched, String> read) {
    }

    public static final List<Numeric> NUMERIC = List.of(
            new Numeric("powerMw", e -> orNaN(e.measurement().powerMw())),
            new Numeric("energyMwh", e -> orNaN(e.measurement().energyMwh())),
            new Numeric("tempMeanC", e -> orNaN(e.weather().tempMeanC())),
            new Numeric("tempMinC", e -> orNaN(e.weather().tempMinC())),
            new Numeric("tempMaxC", e -> orNaN(e.weather().tempMaxC())),
            new Numeric("heatingDegreeDays", e -> orNaN(e.weather().heatingDegreeDays())),
            new Numeric("coolingDegreeDays", e -> orNaN(e.weather().coolingDegreeDays())),
            new Numeric("windKmh", e -> orNaN(e.weather().windKmh())),
            new Numeric("humidityPercent", e -> orNaN(e.weather().humidityPercent())),
            new Numeric("cloudCoverPercent", e -> orNaN(e.weather().cloudCoverPercent())),
            new Numeric("dayLengthMin", e -> orNaN(e.calendar().dayLengthMin())),
            new Numeric("strikerRatePercent", e -> orNaN(e.social().strikerRatePercent())));

    /**
     * Other names the trainers give window features: the forecasters' {@code hdd}/{@code cdd}, the anomaly forests'
     * {@code value} (the observed power) and their 0/1 calendar flags. A model's profile is compared under its own name.
     */
    public static final List<Numeric> ALIASES = List.of(
            new Numeric("hdd", e -> orNaN(e.weather().heatingDegreeDays())),
            new Numeric("cdd", e -> orNaN(e.weather().coolingDegreeDays())),
            new Numeric("value", e -> orNaN(e.measurement().powerMw())),
            new Numeric("holiday", e -> e.calendar().publicHoliday() ? 1 : 0),
            new Numeric("weekend", e -> e.calendar().weekend() ? 1 : 0),
            new Numeric("strike", e -> e.social().strike() ? 1 : 0));

    /** Features of weather origin: their drift or absence points at the weather feed of the model's region. */
    public static final Set<String> WEATHER = Set.of("tempMeanC", "tempMinC", "tempMaxC",
            "heatingDegreeDays", "coolingDegreeDays", "windKmh", "humidityPercent", "cloudCoverPercent", "hdd", "cdd",
            "tempLag1C", "tempLag2C", "visibilityKm");

    /** Features measured by the consumption source itself. */
    public static final Set<String> CONSUMPTION = Set.of("powerMw", "energyMwh", "value");

    public static final List<Categorical> CATEGORICAL = List.of(
            new Categorical("carrier", e -> e.measurement().carrier().name()),
            new Categorical("dayOfWeek", e -> e.calendar().dayOfWeek().name()),
            new Categorical("weekend", e -> Boolean.toString(e.calendar().weekend())),
            new Categorical("publicHoliday", e -> Boolean.toString(e.calendar().publicHoliday())),
            new Categorical("bridgeDay", e -> Boolean.toString(e.calendar().bridgeDay())),
            new Categorical("strike", e -> Boolean.toString(e.social().strike())));

    private EnrichedFeatures() {
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
