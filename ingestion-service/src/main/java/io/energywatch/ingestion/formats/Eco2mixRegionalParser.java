package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SeriesId;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RTE éCO2mix regional annual files: ';', ISO-8859-1 (UTF-8 re-exports are recognised), local Paris time on a 15-minute
 * grid where only the half-hours carry values. Each half-hour slot is one record of {@code electricity:{INSEE}:eco2mix:PT30M}
 * ({@code ND}, {@code -} or empty: a MISSING record); an empty quarter-hour slot is no record at all, and the trailing RTE
 * disclaimer line is part of the format, not a record, so it is skipped.
 */
final class Eco2mixRegionalParser extends CsvParser {

    static final String DISCLAIMER_START = "RTE ne pourra";
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Override
    public SourceFormat format() {
        return SourceFormat.ECO2MIX_REGIONAL;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ';';
    }

    @Override
    Charset charset(BufferedInputStream in) throws IOException {
        return TextEncoding.sniff(in);
    }

    @Override
    boolean isTrailer(String line) {
        return line.startsWith(DISCLAIMER_START);
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int perimeterColumn = header.require(f, "Périmètre");
        int natureColumn = header.require(f, "Nature");
        int dateColumn = header.require(f, "Date");
        int timeColumn = header.require(f, "Heures");
        int valueColumn = header.require(f, "Consommation");
        Map<String, SeriesId> seriesByPerimeter = new HashMap<>();
        return row -> {
            String perimeter = row.cell(perimeterColumn);
            var series = seriesByPerimeter.computeIfAbsent(perimeter, p -> Regions.resolve(p)
                    .map(r -> SeriesId.of(Carrier.ELECTRICITY, r.code(), "eco2mix", "PT30M"))
                    .orElse(null));
            if (series == null) {
                throw new RecordRejected("Périmètre", "Périmètre '" + perimeter + "' is not a known region");
            }
            var local = Timestamps.date("Date", row.cell(dateColumn)).atTime(Timestamps.time("Heures", row.cell(timeColumn)));
            String valueText = row.cell(valueColumn);
            boolean missing = valueText.isEmpty() || valueText.equals("ND") || valueText.equals("-");
            if (local.getMinute() % 30 != 0 || local.getSecond() != 0) {
                if (missing) {
                    return; // a quarter-hour slot of the grid without a value: not a half-hour record
                }
                throw new RecordRejected("Heures", "Heures '" + row.cell(timeColumn) + "' carries Consommation '"
                        + valueText + "' off the half-hour grid of " + series);
            }
            Double mw = missing ? null : Numbers.consumption("Consommation", valueText, true);
            var status = Statuses.of("Nature", row.cell(natureColumn));
            var lineage = lineage(context, row.line());
            out.at(series.toString(), local, row.line(), row.raw(), "Heures", placement -> {
                var flags = new ArrayList<>(placement.flags());
                if (mw == null) {
                    flags.add(QualityFlag.MISSING);
                }
                return new LocalTimeline.Accepted(ConsumptionMeasured.of(series, series.area(), placement.start(),
                        placement.start().plus(HALF_HOUR), mw, MeasurementUnit.MW, status, List.copyOf(flags), lineage));
            });
        };
    }
}
