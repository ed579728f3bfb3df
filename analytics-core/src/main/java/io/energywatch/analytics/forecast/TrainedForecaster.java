package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A champion fitted on a whole training window for one horizon, with the conformal intervals calibrated on its
 * validation residuals and every candidate's validation MAPE (the evidence it won on). Serialisable: the registry stores it.
 */
public record TrainedForecaster(
        Algorithm algorithm,
        int horizonDays,
        LocalDate trainFrom,
        LocalDate trainTo,
        int trainRows,
        Predictor predictor,
        ConformalIntervals intervals,
        ForecastMetrics validation,
        Map<String, Double> validationMapeByAlgorithm) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public TrainedForecaster {
        validationMapeByAlgorithm = Map.copyOf(validationMapeByAlgorithm);
    }

    /** The feature builder of a regression champion, fitted to its training window; empty for a baseline. */
    public Optional<FeatureBuilder> features() {
        return predictor instanceof Predictor.Regression r ? Optional.of(r.features()) : Optional.empty();
    }
}
