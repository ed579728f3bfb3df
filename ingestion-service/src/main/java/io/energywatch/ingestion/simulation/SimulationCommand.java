package io.energywatch.ingestion.simulation;

import io.energywatch.ingestion.simulator.RegimeShift;
import io.energywatch.ingestion.simulator.SimulatedResolution;
import io.energywatch.ingestion.simulator.SimulationRequest;
import io.energywatch.ingestion.simulator.WeatherForecastModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A request to simulate and ingest data: {@code {"seed":42,"from":"2024-01-01","to":"2024-03-31"}}, optionally with
 * {@code regions} (INSEE codes; all when absent), {@code resolutions} (PT30M and/or P1D; both when absent) and
 * {@code regimeShift} ({@code {"from":"2024-03-11","heatWaveDays":7,"heatWaveC":8,"demandCutPercent":10}}: a heat
 * wave then a lasting demand cut, for drift monitoring to find; none when absent), and {@code publishFrom} /
 * {@code publishTo}: the days of the simulation this job ingests (all when absent). Two jobs of one simulation with
 * adjacent windows ingest exactly what one job of the whole period would, in two parts: data that arrives in phases,
 * as a utility's does (the demo's forecasts meet their actuals in the second part). {@code weatherForecasts: true}
 * adds weather forecasts on {@code energywatch.weather-forecasts.raw.v1} ({@link
 * io.energywatch.ingestion.simulator.WeatherForecastModel#defaults()}); off when absent, and nothing else changes.
 */
public record SimulationCommand(@NotNull Long seed, @NotNull LocalDate from, @NotNull LocalDate to,
                                @Nullable List<String> regions, @Nullable Set<String> resolutions,
                                @Valid @Nullable RegimeShift regimeShift, @Nullable LocalDate publishFrom,
                                @Nullable LocalDate publishTo, @Nullable Boolean weatherForecasts) {

    /** The first day this job ingests. */
    LocalDate firstPublished() {
        return publishFrom == null ? from : publishFrom;
    }

    /** The last day this job ingests. */
    LocalDate lastPublished() {
        return publishTo == null ? to : publishTo;
    }

    /** Whether a label (an injected anomaly starting at {@code start}) belongs to this job's days. */
    boolean publishes(java.time.Instant start) {
        LocalDate day = start.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
        return !day.isBefore(firstPublished()) && !day.isAfter(lastPublished());
    }

    static final long MAX_DAYS = 3 * 366;

    /** The request as validated and labelled: its lineage time is the simulator's reproducible one. */
    SimulationRequest toRequest(String jobId) {
        return toRequest(jobId, null);
    }

    /**
     * The request a job runs: its records' lineage says when the platform accepted the job, as an upload's do, so
     * the event-age meters measure the pipeline and not the simulated period's age.
     */
    SimulationRequest toRequest(String jobId, @Nullable Instant ingestedAt) {
        SimulationRequest base = SimulationRequest.of(seed, from, to);
        if (regions != null && !regions.isEmpty()) {
            base = base.withRegions(regions);
        }
        if (resolutions != null && !resolutions.isEmpty()) {
            Set<SimulatedResolution> chosen = EnumSet.noneOf(SimulatedResolution.class);
            for (String r : resolutions) {
                chosen.add(Arrays.stream(SimulatedResolution.values()).filter(v -> v.iso().equalsIgnoreCase(r))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "resolution '" + r + "' is not PT30M or P1D")));
            }
            base = base.withResolutions(chosen);
        }
        if (Boolean.TRUE.equals(weatherForecasts)) {
            base = base.withWeatherForecasts(WeatherForecastModel.defaults());
        }
        return base.withRegimeShift(regimeShift)
                .withLineage(SimulationRequest.DEFAULT_ORIGIN, jobId,
                        ingestedAt == null ? base.generatedAt() : ingestedAt);
    }
}
