package io.energywatch.ingestion.simulator;

import java.util.Objects;

/** Every tunable of the simulator, grouped by what it shapes; {@link #defaults()} gives a plausible France. */
public record SimulationModel(WeatherModel weather, ConsumptionModel consumption, StrikeModel strikes,
                              AnomalyShapes anomalies) {

    public SimulationModel {
        Objects.requireNonNull(weather, "weather");
        Objects.requireNonNull(consumption, "consumption");
        Objects.requireNonNull(strikes, "strikes");
        Objects.requireNonNull(anomalies, "anomalies");
    }

    public static SimulationModel defaults() {
        return new SimulationModel(WeatherModel.defaults(), ConsumptionModel.defaults(), StrikeModel.defaults(),
                AnomalyShapes.defaults());
    }

    public SimulationModel withConsumption(ConsumptionModel newConsumption) {
        return new SimulationModel(weather, newConsumption, strikes, anomalies);
    }

    public SimulationModel withStrikes(StrikeModel newStrikes) {
        return new SimulationModel(weather, consumption, newStrikes, anomalies);
    }
}
