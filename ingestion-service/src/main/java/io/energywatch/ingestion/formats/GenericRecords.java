package io.energywatch.ingestion.formats;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SeriesId;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns one generic record (a CSV row or a JSON object, seen as column name → text) into a consumption record through the
 * upload's {@link ColumnMapping}, shared by {@link GenericCsvParser} and {@link GenericJsonParser}.
 */
final class GenericRecords {

    private final ColumnMapping mapping;
    private final ParseContext context;
    private final LocalTimeline out;
    private final boolean commaDecimals;
    private final @Nullable SeriesId fixedSeries;

    GenericRecords(SourceFormat format, ParseContext context, LocalTimeline out, boolean commaDecimals) {
        this.mapping = requireMapping(format, context);
        this.context = context;
        this.out = out;
        this.commaDecimals = commaDecimals;
        this.fixedSeries = mapping.seriesId() == null ? null : parseSeries("seriesId", mapping.seriesId(),
                message -> new UnreadableUploadException("the column mapping's " + message));
    }

    static ColumnMapping requireMapping(SourceFormat format, ParseContext context) {
        var mapping = context.mapping();
        if (mapping == null) {
            throw new UnreadableUploadException("format " + format.code() + " needs a column mapping (timestamp and "
                    + "value columns, and a series id, series column or region column)");
        }
        if (mapping.unit() == null && mapping.unitColumn() == null) {
            throw new UnreadableUploadException("the column mapping gives neither a unit nor a unit column");
        }
        if (mapping.seriesId() == null && mapping.seriesColumn() == null && mapping.regionColumn() == null) {
            throw new UnreadableUploadException("the column mapping gives none of seriesId, seriesColumn, regionColumn");
        }
        if (mapping.seriesId() == null && mapping.seriesColumn() == null
                && (mapping.carrier() == null || mapping.source() == null || mapping.resolution() == null)) {
            throw new UnreadableUploadException("a column mapping by region needs carrier, source and resolution");
        }
        return mapping;
    }

    /** The columns the mapping reads, for header validation. */
    List<String> requiredColumns() {
        var columns = new ArrayList<String>(List.of(mapping.timestampColumn(), mapping.valueColumn()));
        for (String optional : new String[]{mapping.unitColumn(), mapping.seriesColumn(), mapping.regionColumn()}) {
            if (optional != null) {
                columns.add(optional);
            }
        }
        return columns;
    }

    /** Reads one record; {@code cell} gives the text of a column ("" when absent). */
    void read(long line, String raw, Function<String, String> cell) {
        var series = series(cell);
        var unit = mapping.unitColumn() == null ? mapping.unit() : unit(cell.apply(mapping.unitColumn()));
        Double value = Numbers.consumption(mapping.valueColumn(), cell.apply(mapping.valueColumn()), commaDecimals);
        String regionCode = series.isRegional() ? series.area() : null;
        var lineage = CsvParser.lineage(context, line);
        String field = mapping.timestampColumn();
        switch (Timestamps.parse(field, cell.apply(field))) {
            case Timestamps.Exact(Instant start) -> out.accept(line,
                    measured(series, regionCode, start, value, unit, List.of(), lineage), raw);
            case Timestamps.Local(LocalDateTime local, boolean dateOnly) when series.stepHours() >= 24 -> {
                // A daily (or longer) value covers local days: midnight is never inside a Paris DST change.
                var start = local.toLocalDate().atStartOfDay(context.zone()).toInstant();
                out.accept(line, measured(series, regionCode, start, value, unit, List.of(), lineage), raw);
            }
            case Timestamps.Local(LocalDateTime local, boolean dateOnly) -> out.at(series.toString(), local, line, raw,
                    field, p -> new LocalTimeline.Accepted(measured(series, regionCode, p.start(), value, unit,
                            p.flags(), lineage)));
        }
    }

    private ConsumptionMeasured measured(SeriesId series, String regionCode, Instant start, Double value,
                                         MeasurementUnit unit, List<QualityFlag> placed, Lineage lineage) {
        var flags = new ArrayList<>(placed);
        if (value == null) {
            flags.add(QualityFlag.MISSING);
        }
        return ConsumptionMeasured.of(series, regionCode, start, end(series, start, context.zone()), value, unit,
                QualityStatus.UNKNOWN, List.copyOf(flags), lineage);
    }

    /** The interval end: the step for sub-daily series, whole local days for daily ones (23 or 25 h on DST days). */
    static Instant end(SeriesId series, Instant start, ZoneId zone) {
        double hours = series.stepHours();
        if (hours >= 24 && hours % 24 == 0) {
            return start.atZone(zone).plusDays((long) (hours / 24)).toInstant();
        }
        return start.plus(series.step());
    }

    private SeriesId series(Function<String, String> cell) {
        if (mapping.seriesColumn() != null) {
            String text = cell.apply(mapping.seriesColumn());
            return parseSeries(mapping.seriesColumn(), text,
                    message -> new RecordRejected(mapping.seriesColumn(), mapping.seriesColumn() + " " + message));
        }
        if (fixedSeries != null) {
            return fixedSeries;
        }
        String text = cell.apply(mapping.regionColumn());
        Region region = Regions.resolve(text).orElseThrow(() -> new RecordRejected(mapping.regionColumn(),
                mapping.regionColumn() + " '" + text + "' is not a known region"));
        return parseSeries("series", mapping.carrier().code() + ":" + region.code() + ":" + mapping.source() + ":"
                + mapping.resolution(), message -> new UnreadableUploadException("the column mapping's " + message));
    }

    /** A full series id, or one without its resolution when the mapping gives the resolution. */
    private SeriesId parseSeries(String field, String text, Function<String, ? extends RuntimeException> failure) {
        String id = text.trim();
        if (mapping.resolution() != null && id.split(":", -1).length == 3) {
            id = id + ":" + mapping.resolution();
        }
        try {
            return SeriesId.parse(id);
        } catch (IllegalArgumentException e) {
            throw failure.apply("'" + text + "' is not a series id: " + e.getMessage());
        }
    }

    private MeasurementUnit unit(String text) {
        try {
            return MeasurementUnit.fromSymbol(text);
        } catch (IllegalArgumentException e) {
            throw new RecordRejected(mapping.unitColumn(), mapping.unitColumn() + " '" + text
                    + "' is not MW, kW, MWh, kWh or GWh");
        }
    }
}
