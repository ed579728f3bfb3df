package io.energywatch.prediction.carbon;

import io.energywatch.service.web.TabularResponse;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The energy and CO2 of the model runs that started in a window, in total and per group; as CSV, one row per group.
 *
 * @param from     window start, inclusive (null: from the first run)
 * @param to       window end, exclusive (null: up to now)
 * @param groupBy  model, service or day
 * @param totals   every run of the window
 * @param methods  runs per energy method
 * @param intensitySources runs per carbon intensity source: {@code measured} (the grid's measured intensity of the hour
 *                 the run started in) or {@code country-default} (the intensity the service's meter used)
 * @param groups   the groups, largest emissions first (days in date order)
 */
public record CarbonReport(@Nullable Instant from, @Nullable Instant to, GroupBy groupBy, CarbonFigures totals,
                           Map<String, Long> methods, Map<String, Long> intensitySources, List<CarbonGroup> groups)
        implements TabularResponse<CarbonGroup> {

    @Override
    public List<CarbonGroup> tableRows() {
        return groups;
    }

    /** What a report's groups are. */
    public enum GroupBy {
        MODEL("modelId"), SERVICE("service"), DAY("startedAt");

        private final String field;

        GroupBy(String field) {
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
