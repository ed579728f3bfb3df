package io.energywatch.fusion.indexing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.QualityFlag;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An enriched record as indexed: flat, so dashboards filter and aggregate on plain fields, with the explicit mapping of
 * {@code elasticsearch/enriched-template.json}. {@code region} is the area whose context was used (an INSEE code or
 * {@code FR}). A missing measure is an absent field, never 0.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichedDocument(
        String eventId, String seriesId, String carrier, String area, String region, String source, String resolution,
        Instant intervalStart, Instant intervalEnd, LocalDate localDate,
        @Nullable Double value, String unit, @Nullable Double powerMw, @Nullable Double energyMwh, String quality,
        List<String> flags, boolean valueMissing,
        boolean weatherMissing, @Nullable Double tempMinC, @Nullable Double tempMaxC, @Nullable Double tempMeanC,
        @Nullable Double windKmh, @Nullable Double humidityPercent, @Nullable Double cloudCoverPercent,
        @Nullable Double visibilityKm, @Nullable Double heatingDegreeDays, @Nullable Double coolingDegreeDays,
        @Nullable String weatherBasis, List<String> weatherSources,
        String dayOfWeek, boolean weekend, boolean publicHoliday, @Nullable String holidayName, boolean bridgeDay,
        @Nullable Double dayLengthMin,
        boolean strike, @Nullable Double strikerRatePercent, List<String> motives, List<String> movementIds,
        String origin, @Nullable String ingestionJobId) {

    static EnrichedDocument of(ConsumptionEnriched e) {
        ConsumptionMeasured m = e.measurement();
        var w = e.weather();
        var c = e.calendar();
        var s = e.social();
        return new EnrichedDocument(e.eventId(), m.seriesId(), m.carrier().code(), m.area(), region(m), m.source(),
                m.resolution(), m.intervalStart(), m.intervalEnd(), e.localDate(), m.value(), m.unit().symbol(),
                m.powerMw(), m.energyMwh(), m.quality().name(), m.flags().stream().map(QualityFlag::name).toList(),
                m.missing(), w.missing(), w.tempMinC(), w.tempMaxC(), w.tempMeanC(), w.windKmh(), w.humidityPercent(),
                w.cloudCoverPercent(), w.visibilityKm(), w.heatingDegreeDays(), w.coolingDegreeDays(), w.basis(),
                w.sources(),
                c.dayOfWeek().name(), c.weekend(), c.publicHoliday(), c.holidayName(), c.bridgeDay(), c.dayLengthMin(),
                s.strike(), s.strikerRatePercent(), s.motives(), s.movementIds(), m.lineage().origin(),
                m.lineage().ingestionJobId());
    }

    /** The document id: the event key (series id) and the interval start, so a redelivery overwrites. */
    public static String id(String seriesId, Instant intervalStart) {
        return seriesId + "|" + intervalStart;
    }

    public String id() {
        return id(seriesId, intervalStart);
    }

    /** The region code when the series has one, else {@code FR}: the area the fusion took the context of. */
    static String region(ConsumptionMeasured m) {
        if (m.regionCode() != null) {
            return m.regionCode();
        }
        return m.series().isRegional() ? m.area() : "FR";
    }
}
