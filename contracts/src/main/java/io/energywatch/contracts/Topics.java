package io.energywatch.contracts;

import java.util.List;
import java.util.Optional;

/**
 * Every topic of the platform, in one place: producers, consumers, tests and the AsyncAPI generator all read from here
 * (the idea of Confluent's {@code Topic<K,V>} registry in kafka-streams-examples). Keys are strings.
 */
public final class Topics {

    public static final Topic<ConsumptionMeasured> CONSUMPTION_RAW = new Topic<>(
            "energywatch.consumption.raw.v1", "series id", ConsumptionMeasured.class,
            "energywatch.consumption.measured.v1", 6, false,
            "Consumption values accepted by ingestion, one record per series and interval.");
    public static final Topic<WeatherObserved> WEATHER_RAW = new Topic<>(
            "energywatch.weather.raw.v1", "region code", WeatherObserved.class,
            "energywatch.weather.observed.v1", 6, false,
            "Daily observed weather per region.");
    public static final Topic<SocialMovementDeclared> SOCIAL_MOVEMENTS_RAW = new Topic<>(
            "energywatch.social-movements.raw.v1", "movement id", SocialMovementDeclared.class,
            "energywatch.social-movement.declared.v1", 1, false,
            "Strikes and other social movements over ranges of local days.");
    public static final Topic<ConsumptionEnriched> CONSUMPTION_ENRICHED = new Topic<>(
            "energywatch.consumption.enriched.v1", "series id", ConsumptionEnriched.class,
            "energywatch.consumption.enriched.v1", 6, false,
            "Consumption fused with weather, calendar and social movements of its local day.");
    public static final Topic<AnomalyDetected> ANOMALIES = new Topic<>(
            "energywatch.anomalies.v1", "series id", AnomalyDetected.class,
            "energywatch.anomaly.detected.v1", 3, false,
            "Anomalous consumption values with score, severity, type and explanation.");
    public static final Topic<ConsumptionForecast> FORECASTS = new Topic<>(
            "energywatch.forecasts.v1", "series id", ConsumptionForecast.class,
            "energywatch.consumption.forecast.v1", 3, false,
            "Forecast steps with 80% and 95% prediction intervals.");
    public static final Topic<DriftDetected> DRIFT = new Topic<>(
            "energywatch.drift.v1", "model id", DriftDetected.class,
            "energywatch.drift.detected.v1", 1, false,
            "Moderate or significant drift of a model's inputs.");
    public static final Topic<ModelLifecycleChanged> MODELS = new Topic<>(
            "energywatch.models.v1", "model id", ModelLifecycleChanged.class,
            "energywatch.model.lifecycle-changed.v1", 1, true,
            "Model versions trained, promoted, rejected and retired; compacted, the latest record per model is its state.");
    public static final Topic<WeatherForecastIssued> WEATHER_FORECASTS_RAW = new Topic<>(
            "energywatch.weather-forecasts.raw.v1", "region code", WeatherForecastIssued.class,
            "energywatch.weather.forecast-issued.v1", 6, false,
            "Daily weather forecasts per region and target day, each with its issue time.");
    public static final Topic<ModelRunCompleted> MODEL_RUNS = new Topic<>(
            "energywatch.model-runs.v1", "model id", ModelRunCompleted.class,
            "energywatch.model-run.completed.v1", 1, false,
            "Model runs (training, scoring batches, backtests, forecast issuance, drift runs, ingestion jobs) with "
                    + "their energy and CO2.");
    public static final Topic<GridCarbonIntensityMeasured> GRID_CARBON_INTENSITY = new Topic<>(
            "energywatch.grid-carbon-intensity.v1", "area", GridCarbonIntensityMeasured.class,
            "energywatch.grid.carbon-intensity-measured.v1", 1, false,
            "Measured carbon intensity of an area's electricity per hour (éCO2mix Taux de CO2), one record per area, "
                    + "hour and status.");

    public static final List<Topic<?>> ALL = List.of(CONSUMPTION_RAW, WEATHER_RAW, SOCIAL_MOVEMENTS_RAW,
            CONSUMPTION_ENRICHED, ANOMALIES, FORECASTS, DRIFT, MODELS, WEATHER_FORECASTS_RAW, MODEL_RUNS,
            GRID_CARBON_INTENSITY);

    /** Every event read and written is looked up here: maps, not a scan of {@link #ALL}. */
    private static final java.util.Map<String, Topic<?>> BY_CE_TYPE = ALL.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Topic::ceType, t -> t));
    private static final java.util.Map<Class<?>, Topic<?>> BY_VALUE_TYPE = ALL.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Topic::valueType, t -> t));

    private Topics() {
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static Optional<Topic<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    @SuppressWarnings("unchecked")
    public static <V extends EnergyWatchEvent> Topic<V> forValueType(Class<V> type) {
        Topic<?> topic = BY_VALUE_TYPE.get(type);
        if (topic == null) {
            throw new IllegalArgumentException("no topic carries " + type.getName());
        }
        return (Topic<V>) topic;
    }
}
