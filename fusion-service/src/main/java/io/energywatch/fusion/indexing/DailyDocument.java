package io.energywatch.fusion.indexing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * One series' local day, as the daily index holds it: sums, mean, min and max of its values and the day's weather
 * means, always recomputed from the enriched documents of that day (never incremented), so a redelivery or a replay
 * cannot count a value twice. Id: {@code seriesId|date}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DailyDocument(
        String seriesId, String carrier, String area, String region, String source, String resolution, LocalDate date,
        long records, long valuedRecords, @Nullable Double energyMwhSum, @Nullable Double powerMwSum,
        @Nullable Double powerMwMean, @Nullable Double powerMwMin, @Nullable Double powerMwMax,
        @Nullable Double tempMeanC, @Nullable Double tempMinC, @Nullable Double tempMaxC,
        @Nullable Double heatingDegreeDays, @Nullable Double coolingDegreeDays, long weatherMissingRecords) {

    public String id() {
        return seriesId + "|" + date;
    }
}
