package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to simulate. Two runs of equal requests produce identical events and labels.
 *
 * @param seed         the seed every random draw derives from
 * @param from         first local (Europe/Paris) day
 * @param to           last local day, inclusive
 * @param regionCodes  INSEE codes of the regions to publish; empty means all thirteen
 * @param resolutions  consumption resolutions to publish
 * @param anomalies    anomalies to inject
 * @param origin       lineage origin of every record, e.g. {@code simulator}
 * @param jobId        ingestion job that requested the run, if any
 * @param generatedAt  the lineage's {@code ingestedAt}; fixed so the output stays reproducible
 * @param model        every tunable of the simulation
 * @param regimeShift  a heat wave then a demand cut, for drift monitoring; null for none
 * @param weatherForecasts how weather forecasts are issued; null for none (the default)
 */
public record SimulationRequest(long seed, LocalDate from, LocalDate to, List<String> regionCodes,
                                Set<SimulatedResolution> resolutions, AnomalySettings anomalies, String origin,
                                @Nullable String jobId, Instant generatedAt, SimulationModel model,
                                @Nullable RegimeShift regimeShift, @Nullable WeatherForecastModel weatherForecasts) {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final String DEFAULT_ORIGIN = "simulator";

    public SimulationRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(resolutions, "resolutions");
        Objects.requireNonNull(anomalies, "anomalies");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(model, "model");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("simulation end " + to + " is before its start " + from);
        }
        regionCodes = regionCodes == null || regionCodes.isEmpty()
                ? Regions.ALL.stream().map(Region::code).toList()
                : regionCodes.stream().map(code -> Regions.require(code).code()).distinct().toList();
        if (resolutions.isEmpty()) {
            throw new IllegalArgumentException("at least one resolution is needed");
        }
        resolutions = Set.copyOf(EnumSet.copyOf(resolutions));
        if (regimeShift != null) {
            regimeShift.check();
        }
        for (String code : regionCodes) {
            model.weather().climate(code);
        }
    }

    /**
     * All regions, both resolutions, default anomalies and model, lineage origin {@code simulator}, generated at the start
     * of the local day after {@code to}.
     */
    public static SimulationRequest of(long seed, LocalDate from, LocalDate to) {
        return new SimulationRequest(seed, from, to, List.of(), EnumSet.allOf(SimulatedResolution.class),
                AnomalySettings.defaults(), DEFAULT_ORIGIN, null, to.plusDays(1).atStartOfDay(PARIS).toInstant(),
                SimulationModel.defaults(), null, null);
    }

    public SimulationRequest withRegions(List<String> codes) {
        return new SimulationRequest(seed, from, to, codes, resolutions, anomalies, origin, jobId, generatedAt, model,
                regimeShift, weatherForecasts);
    }

    public SimulationRequest withResolutions(Set<SimulatedResolution> newResolutions) {
        return new SimulationRequest(seed, from, to, regionCodes, newResolutions, anomalies, origin, jobId, generatedAt,
                model, regimeShift, weatherForecasts);
    }

    public SimulationRequest withAnomalies(AnomalySettings newAnomalies) {
        return new SimulationRequest(seed, from, to, regionCodes, resolutions, newAnomalies, origin, jobId, generatedAt,
                model, regimeShift, weatherForecasts);
    }

    public SimulationRequest withModel(SimulationModel newModel) {
        return new SimulationRequest(seed, from, to, regionCodes, resolutions, anomalies, origin, jobId, generatedAt,
                newModel, regimeShift, weatherForecasts);
    }

    public SimulationRequest withSeed(long newSeed) {
        return new SimulationRequest(newSeed, from, to, regionCodes, resolutions, anomalies, origin, jobId, generatedAt,
                model, regimeShift, weatherForecasts);
    }

    public SimulationRequest withLineage(String newOrigin, @Nullable String newJobId, Instant newGeneratedAt) {
        return new SimulationRequest(seed, from, to, regionCodes, resolutions, anomalies, newOrigin, newJobId,
                newGeneratedAt, model, regimeShift, weatherForecasts);
    }

    public SimulationRequest withRegimeShift(@Nullable RegimeShift newShift) {
        return new SimulationRequest(seed, from, to, regionCodes, resolutions, anomalies, origin, jobId, generatedAt,
                model, newShift, weatherForecasts);
    }

    /** The same simulation issuing weather forecasts as {@code model} says; null for none. */
    public SimulationRequest withWeatherForecasts(@Nullable WeatherForecastModel model) {
        return new SimulationRequest(seed, from, to, regionCodes, resolutions, anomalies, origin, jobId, generatedAt,
                this.model, regimeShift, model);
    }

    /** Number of local days simulated. */
    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    Lineage lineage() {
        return new Lineage(origin, jobId, null, generatedAt);
    }
}
