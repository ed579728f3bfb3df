package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.MeasurementUnit;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * How to read a generic CSV or JSON upload of consumption: which column holds what. Either {@code seriesColumn} (a full
 * series id per row) or {@code regionColumn} (with {@code carrier}, {@code source} and {@code resolution}) or a fixed
 * {@code seriesId} must be given.
 *
 * @param timestampColumn column of the interval start
 * @param valueColumn     column of the value
 * @param unit            unit of the value, unless {@code unitColumn} is given
 * @param unitColumn      column holding the unit per row
 * @param seriesColumn    column holding a full series id
 * @param regionColumn    column holding a region code or name
 * @param seriesId        one series id for the whole file
 * @param carrier         carrier when built from a region
 * @param source          source name ({@code ext-{name}}) when built from a region
 * @param resolution      resolution when built from a region or not in the series id
 * @param extraColumns    columns kept as extra fields in the raw store
 */
public record ColumnMapping(String timestampColumn, String valueColumn, @Nullable MeasurementUnit unit,
                            @Nullable String unitColumn, @Nullable String seriesColumn, @Nullable String regionColumn,
                            @Nullable String seriesId, @Nullable Carrier carrier, @Nullable String source,
                            @Nullable String resolution, List<String> extraColumns) {

    public ColumnMapping {
        extraColumns = extraColumns == null ? List.of() : List.copyOf(extraColumns);
    }
}
