package io.energywatch.ingestion.formats;

import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.WeatherObserved;

import java.util.List;

/**
 * ODRÉ temperature-quotidienne-regionale: one line per region and day with min, max and mean temperature (°C). Dates come
 * as {@code dd/MM/yy} (current export) or {@code yyyy-MM-dd} (older exports without the ID column); the region is found by
 * its INSEE code, else by its name.
 */
final class OdreTemperatureParser extends CsvParser {

    static final String SOURCE = "odre-temperature";

    @Override
    public SourceFormat format() {
        return SourceFormat.ODRE_TEMPERATURE;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ';';
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int dateColumn = header.require(f, "Date");
        int codeColumn = header.find("Code INSEE région");
        int nameColumn = header.find("Région");
        int minColumn = header.require(f, "TMin (°C)");
        int maxColumn = header.require(f, "TMax (°C)");
        int meanColumn = header.find("TMoy (°C)");
        if (codeColumn < 0 && nameColumn < 0) {
            throw new UnreadableUploadException("the header has neither 'Code INSEE région' nor 'Région' that format "
                    + f.code() + " needs; columns seen: " + header.names());
        }
        return row -> {
            var day = Timestamps.date("Date", row.cell(dateColumn));
            Region region = Regions.byCode(row.cell(codeColumn))
                    .or(() -> Regions.resolve(row.cell(nameColumn)))
                    .or(() -> Regions.resolve(row.cell(codeColumn)))
                    .orElseThrow(() -> new RecordRejected(codeColumn >= 0 ? "Code INSEE région" : "Région",
                            "region '" + row.cell(codeColumn) + "' / '" + row.cell(nameColumn) + "' is not a known region"));
            Double min = Numbers.within("TMin (°C)", row.cell(minColumn), true, -40, 50, "°C");
            Double max = Numbers.within("TMax (°C)", row.cell(maxColumn), true, -40, 50, "°C");
            Double mean = Numbers.within("TMoy (°C)", row.cell(meanColumn), true, -40, 50, "°C");
            var flags = min == null || max == null ? List.of(QualityFlag.MISSING) : List.<QualityFlag>of();
            out.accept(row.line(), new WeatherObserved(null, region.code(), day, min, max, mean, null, null, null, null,
                    null, SOURCE, List.of(), flags, lineage(context, row.line())), row.raw());
        };
    }
}
