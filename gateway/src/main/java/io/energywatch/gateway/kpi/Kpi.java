package io.energywatch.gateway.kpi;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The platform's key figures in one answer: consumption, anomalies, forecast accuracy and drift, each a section of its
 * own that says {@code unavailable} (naming the service and why) when its service could not answer.
 */
@Schema(description = "Key figures of the platform over a window, one section per service")
public record Kpi(@Schema(description = "The window as asked (from/to or hours), echoed") Window window,
                  Instant generatedAt,
                  Section<Consumption> consumption,
                  Section<Anomalies> anomalies,
                  Section<ForecastAccuracy> forecastAccuracy,
                  Section<Drift> drift) {

    /** The window parameters as the caller gave them (none: each section's default). */
    public record Window(@Nullable String from, @Nullable String to, @Nullable Integer hours) {
    }

    /** A section: its data, or why there is none. */
    public record Section<T>(
            @Schema(description = "available, or unavailable when the service could not answer") String status,
            @Schema(description = "The service the section comes from", example = "fusion-service") String service,
            @Schema(description = "Why the section is unavailable or incomplete") @Nullable String detail,
            @Nullable T data) {

        static <T> Section<T> available(String service, T data, @Nullable String detail) {
            return new Section<>("available", service, detail, data);
        }

        static <T> Section<T> unavailable(String service, String detail) {
            return new Section<>("unavailable", service, detail, null);
        }
    }

    /**
     * Consumption per carrier and region over local days {@code from}..{@code to}, per {@code interval}.
     *
     * @param indexedRecords enriched records indexed in the window (fusion's stats)
     */
    public record Consumption(LocalDate from, LocalDate to, String interval, long indexedRecords,
                              List<CarrierConsumption> byCarrier, List<RegionConsumption> byRegion) {
    }

    /**
     * @param basis national when the national series gives the figures, regions when they are the sum of the regions'
     *              energy and the largest regional peak (no national series in the window)
     */
    public record CarrierConsumption(String carrier, String basis, @Nullable Double energyMwh, @Nullable Double peakMw,
                                     @Nullable String peakPeriod) {
    }

    /**
     * One region and carrier, from its series with the most values (sources measuring the same consumption are not
     * added up).
     */
    public record RegionConsumption(String region, String carrier, String seriesId, @Nullable Double energyMwh,
                                    @Nullable Double peakMw, @Nullable String peakPeriod, List<Period> periods) {
    }

    /** One interval: energy (sum) and peak (largest mean power of a step). */
    public record Period(String start, @Nullable Double energyMwh, @Nullable Double peakMw) {
    }

    /** Anomalies found in the window, by severity (CRITICAL first) and by status. */
    public record Anomalies(long total, Map<String, Long> bySeverity, Map<String, Long> byStatus,
                            @Nullable Double costImpactEur) {
    }

    /**
     * Realised accuracy of the issued forecasts.
     *
     * @param mapePercent the groups' MAPE weighted by their counts
     */
    public record ForecastAccuracy(long records, @Nullable Double mapePercent, List<AccuracyGroup> groups) {
    }

    public record AccuracyGroup(@Nullable String series, @Nullable String algorithm, @Nullable Integer horizonDays,
                                long count, @Nullable Double mapePercent, @Nullable Double maeMwh,
                                @Nullable Double coverage95Percent) {
    }

    /**
     * @param status the worst status of the watched models' latest reports (STABLE, SLIGHT, MODERATE, SIGNIFICANT), or
     *               null before any report
     */
    public record Drift(@Nullable String status, long totalReports, Map<String, Long> reportsByStatus,
                        List<ModelDrift> models) {
    }

    public record ModelDrift(String modelId, @Nullable String modelVersion, String status,
                             @Nullable Instant reportedAt, List<String> driftedFeatures) {
    }
}
