package io.energywatch.contracts;

import java.time.Instant;

/**
 * What every event offers to the CloudEvents headers: a stable id (the same business fact always gets the same id, so a
 * consumer can drop redeliveries) and the time the fact refers to.
 */
public sealed interface EnergyWatchEvent
        permits ConsumptionMeasured, WeatherObserved, SocialMovementDeclared, ConsumptionEnriched, AnomalyDetected,
        ConsumptionForecast, DriftDetected, ModelLifecycleChanged, WeatherForecastIssued, ModelRunCompleted,
        GridCarbonIntensityMeasured {

    String eventId();

    Instant eventTime();
}
