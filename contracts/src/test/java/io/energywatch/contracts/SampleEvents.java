package io.energywatch.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One realistic event of every type, for round-trip tests. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2024-01-15T23:00:00Z");
    static final Lineage LINEAGE = new Lineage("consommation-quotidienne-brute.csv", "job-1", 42L,
            Instant.parse("2024-01-20T10:00:00Z"));

    private SampleEvents() {
    }

    static ConsumptionMeasured consumption() {
        return ConsumptionMeasured.of(SeriesId.parse("electricity:FR:odre:PT30M"), null, T0,
                T0.plusSeconds(1800), 71_234.0, MeasurementUnit.MW, QualityStatus.DEFINITIVE, List.of(), LINEAGE);
    }

    static WeatherObserved weather() {
        return new WeatherObserved(null, "93", LocalDate.of(2024, 1, 16), 3.5, 11.0, null, 22.0, 71.0, 10.0, 40.0,
                560, "historique-meteo", List.of("provence-alpes-c-te-d-azur"), List.of(), LINEAGE);
    }

    static SocialMovementDeclared movement() {
        LocalDate start = LocalDate.of(2024, 1, 16);
        return new SocialMovementDeclared(null, SocialMovementDeclared.movementId("sncf", start, "Salaires"), start,
                start.plusDays(2), MovementScope.NATIONAL, List.of(), "Salaires", "CGT, SUD-Rail", "Contrôleurs",
                "Exécution", 12_000, 18.4, "sncf", LINEAGE);
    }

    static ConsumptionEnriched enriched() {
        return new ConsumptionEnriched(null, consumption(), LocalDate.of(2024, 1, 16),
                new ConsumptionEnriched.WeatherContext(false, 3.5, 11.0, 7.25, 22.0, 71.0, 40.0, 18.5, 10.75, 0.0,
                        "population-weighted-national", List.of("historique-meteo")),
                new ConsumptionEnriched.CalendarContext(java.time.DayOfWeek.TUESDAY, false, false, null, false, 540.0),
                new ConsumptionEnriched.SocialContext(true, 18.4, List.of("Salaires"), List.of(movement().movementId())));
    }

    static AnomalyDetected anomaly() {
        return new AnomalyDetected(null, "an-1", "electricity:FR:odre:PT30M", null, T0, T0.plusSeconds(1800), 91_000.0,
                71_000.0, 66_000.0, 76_000.0, 0.97, Severity.HIGH, AnomalyType.SPIKE,
                List.of(new AnomalyDetected.FeatureContribution("residual_seasonal", 20_000.0, 0.8)),
                "Check the meter and recent load changes.", 2_000_000.0, "if-electricity-FR", "3",
                Instant.parse("2024-01-16T00:00:05Z"));
    }

    static ConsumptionForecast forecast() {
        return new ConsumptionForecast(null, "electricity:FR:odre:P1D", "gbm-electricity-FR", "7", "gradient-boosting",
                Instant.parse("2024-01-15T06:00:00Z"), T0, T0.plusSeconds(86_400), LocalDate.of(2024, 1, 16),
                1_700_000, 1_650_000, 1_750_000, 1_620_000, 1_780_000, ConsumptionForecast.WeatherBasis.CLIMATOLOGY);
    }

    static DriftDetected drift() {
        return new DriftDetected(null, "dr-1", "gbm-electricity-FR", "7", T0.minusSeconds(7 * 86_400), T0,
                DriftStatus.MODERATE, "HOLM",
                List.of(new DriftDetected.FeatureDrift("tempMeanC", 0.31, 0.22, 1e-9, 2e-8, DriftStatus.MODERATE,
                        "tempMeanC is 3.1 °C warmer than during training; PSI 0.31, moderate")),
                Instant.parse("2024-01-16T03:00:00Z"),
                List.of(new DriftDetected.RecommendedAction("RETRAIN", "gbm-electricity-FR",
                        "inputs drifted MODERATE: tempMeanC (PSI 0.31)")));
    }

    static ModelLifecycleChanged model() {
        return new ModelLifecycleChanged(null, "gbm-electricity-FR", "7", ModelLifecycleChanged.ModelKind.FORECASTER,
                "gradient-boosting", ModelLifecycleChanged.Stage.PROMOTED, "electricity:FR:odre:P1D",
                Instant.parse("2012-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z"),
                Map.of("mape", 1.8), "beat champion on 2023 backtest", Instant.parse("2024-01-16T03:00:00Z"));
    }

    static WeatherForecastIssued weatherForecast() {
        return new WeatherForecastIssued(null, "93", LocalDate.of(2024, 1, 17), Instant.parse("2024-01-15T05:00:00Z"),
                4.0, 12.5, 8.1, 18.0, null, 55.0, "sim", LINEAGE);
    }

    static ModelRunCompleted modelRun() {
        return new ModelRunCompleted(null, "run-1", "anomaly-service", "if-electricity-FR", "3",
                ModelRunCompleted.RunKind.TRAINING, Instant.parse("2024-01-16T03:00:00Z"),
                Instant.parse("2024-01-16T03:01:30Z"), 90.0, 45.0, 123_456_789L, 17_520,
                ModelRunCompleted.RunStatus.SUCCEEDED, null, null, 5e-5, 5e-4, 5.5e-4, 0.0308, 56.039, 1.0,
                "cpu-time");
    }

    static GridCarbonIntensityMeasured gridCarbonIntensity() {
        return new GridCarbonIntensityMeasured(null, "FR", Instant.parse("2024-01-16T09:00:00Z"), 41.5, 4,
                QualityStatus.REAL_TIME, "eco2mix", LINEAGE);
    }

    static List<EnergyWatchEvent> all() {
        return List.of(consumption(), weather(), movement(), enriched(), anomaly(), forecast(), drift(), model(),
                weatherForecast(), modelRun(), gridCarbonIntensity());
    }
}
