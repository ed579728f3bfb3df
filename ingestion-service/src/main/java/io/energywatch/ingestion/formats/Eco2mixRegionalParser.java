package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SeriesId;
import org.jspecify.annotations.Nullable;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RTE éCO2mix files, regional and national: ';', ISO-8859-1 (UTF-8 re-exports are recognised), local Paris time on a
 * 15-minute grid where only the half-hours carry consumption. Each half-hour slot is one record of
 * {@code electricity:{INSEE}:eco2mix:PT30M}, or {@code electricity:FR:eco2mix:PT30M} for the Périmètre {@code France}
 * ({@code ND}, {@code -} or empty: a MISSING record); an empty quarter-hour slot is no record at all, and the trailing RTE
 * disclaimer line is part of the format, not a record, so it is skipped. ODRÉ's export of the national data
 * ({@code Heure}, {@code Consommation (MW)}, UTF-8) is read the same way.
 *
 * <p>National files carry the grid's measured carbon intensity ({@code Taux de Co2}, ODRÉ: {@code Taux de CO2 (g/kWh)}),
 * the regional ones do not. When the column is there, its values (at every slot that has one, quarter-hours included)
 * are averaged per hour into one {@link io.energywatch.contracts.GridCarbonIntensityMeasured} per area and hour,
 * emitted once the upload is read; a value that is not a number is a rejection of its line.
 */
final class Eco2mixRegionalParser extends CsvParser {

    static final String DISCLAIMER_START = "RTE ne pourra";
    /** The Périmètre of RTE's national files. */
    static final String NATIONAL_PERIMETER = "France";
    /** The area of the national series: {@code electricity:FR:eco2mix:PT30M}. */
    static final String NATIONAL_AREA = "FR";
    static final String SOURCE = "eco2mix";
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
        int timeColumn = header.require(f, "Heures", "Heure");
        int valueColumn = header.require(f, "Consommation", "Consommation (MW)");
        int co2Column = header.find("Taux de Co2", "Taux de CO2 (g/kWh)");
        String co2Field = co2Column < 0 ? "" : header.names().get(co2Column);
        Map<String, SeriesId> seriesByPerimeter = new HashMap<>();
        var intensity = new HourlyIntensity(SOURCE);
        return new Reading() {
            @Override
            public void read(Row row) {
                String perimeter = row.cell(perimeterColumn);
                var series = seriesByPerimeter.computeIfAbsent(perimeter, Eco2mixRegionalParser::series);
                if (series == null) {
                    throw new RecordRejected("Périmètre", "Périmètre '" + perimeter + "' is neither "
                            + NATIONAL_PERIMETER + " nor a known region");
                }
                var local = Timestamps.date("Date", row.cell(dateColumn))
                        .atTime(Timestamps.time("Heures", row.cell(timeColumn)));
                var status = Statuses.of("Nature", row.cell(natureColumn));
                consumption(row, series, local, status);
                String co2Text = row.cell(co2Column);
                if (co2Column >= 0 && !absent(co2Text)) {
                    // Placed through the timeline like the consumption, so DST days put each value in its hour.
                    out.at("co2|" + series.area(), local, row.line(), row.raw(), "Heures", placement -> {
                        double g = Numbers.required(co2Field, co2Text, true);
                        if (g < 0) {
                            throw new RecordRejected(co2Field, co2Field + " '" + co2Text
                                    + "' is negative; a carbon intensity cannot be");
                        }
                        intensity.add(series.area(), placement.start(), g, status, row.line());
                        return new LocalTimeline.Absorbed();
                    });
                }
            }

            @Override
            public void finish() {
                // Settles the values held over a DST overlap first, so every hour is complete.
                out.finish();
                for (var hour : intensity.hours(context)) {
                    out.accept(intensity.lastLine(), hour, "");
                }
            }

            private void consumption(Row row, SeriesId series, LocalDateTime local, QualityStatus status) {
                String valueText = row.cell(valueColumn);
                boolean missing = absent(valueText);
                if (local.getMinute() % 30 != 0 || local.getSecond() != 0) {
                    if (!missing) {
                        out.reject(row.line(), "Heures", "Heures '" + row.cell(timeColumn) + "' carries Consommation '"
                                + valueText + "' off the half-hour grid of " + series, row.raw());
                    }
                    return; // an empty quarter-hour slot of the grid: not a half-hour record
                }
                var lineage = lineage(context, row.line());
                // A national series belongs to no region.
                String region = series.area().equals(NATIONAL_AREA) ? null : series.area();
                out.at(series.toString(), local, row.line(), row.raw(), "Heures", placement -> {
                    Double mw = missing ? null : Numbers.consumption("Consommation", valueText, true);
                    var flags = new ArrayList<>(placement.flags());
                    if (mw == null) {
                        flags.add(QualityFlag.MISSING);
                    }
                    return new LocalTimeline.Accepted(ConsumptionMeasured.of(series, region, placement.start(),
                            placement.start().plus(HALF_HOUR), mw, MeasurementUnit.MW, status, List.copyOf(flags),
                            lineage));
                });
            }
        };
    }

    private static @Nullable SeriesId series(String perimeter) {
        if (perimeter.equalsIgnoreCase(NATIONAL_PERIMETER)) {
            return SeriesId.of(Carrier.ELECTRICITY, NATIONAL_AREA, SOURCE, "PT30M");
        }
        return Regions.resolve(perimeter).map(r -> SeriesId.of(Carrier.ELECTRICITY, r.code(), SOURCE, "PT30M"))
                .orElse(null);
    }

    /** RTE writes a missing value as ND, '-' or nothing. */
    private static boolean absent(String text) {
        return text.isEmpty() || text.equals("ND") || text.equals("-");
    }
}
