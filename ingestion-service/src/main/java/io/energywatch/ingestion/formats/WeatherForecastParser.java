package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.WeatherForecastIssued;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * EnergyWatch's weather forecast CSV: one line per region, issue and target day,
 * {@code region,issued_at,target_date,temp_min_c,temp_max_c,temp_mean_c[,wind_kmh,humidity_percent,cloud_cover_percent]}.
 * The region is an INSEE code or a name; {@code issued_at} an ISO-8601 timestamp (without an offset it is local to the
 * upload's zone); {@code target_date} a day, not before the issue's local day. The three temperatures are required
 * (°C, -40..50, min ≤ mean ≤ max); wind (km/h, ≥ 0), humidity and cloud cover (0..100 %) are optional.
 */
final class WeatherForecastParser extends CsvParser {

    static final String SOURCE = "weather-forecast-csv";

    @Override
    public SourceFormat format() {
        return SourceFormat.WEATHER_FORECAST;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ',';
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int regionColumn = header.require(f, "region");
        int issuedColumn = header.require(f, "issued_at");
        int targetColumn = header.require(f, "target_date");
        int minColumn = header.require(f, "temp_min_c");
        int maxColumn = header.require(f, "temp_max_c");
        int meanColumn = header.require(f, "temp_mean_c");
        int windColumn = header.find("wind_kmh");
        int humidityColumn = header.find("humidity_percent");
        int cloudColumn = header.find("cloud_cover_percent");
        return row -> {
            Region region = Regions.byCode(row.cell(regionColumn)).or(() -> Regions.resolve(row.cell(regionColumn)))
                    .orElseThrow(() -> new RecordRejected("region", "region '" + row.cell(regionColumn)
                            + "' is not a known region"));
            Instant issuedAt = switch (Timestamps.parse("issued_at", row.cell(issuedColumn))) {
                case Timestamps.Exact exact -> exact.instant();
                case Timestamps.Local local -> ZonedDateTime.ofLocal(local.local(), context.zone(), null).toInstant();
            };
            LocalDate target = Timestamps.date("target_date", row.cell(targetColumn));
            LocalDate issueDay = LocalDate.ofInstant(issuedAt, context.zone());
            if (target.isBefore(issueDay)) {
                throw new RecordRejected("target_date", "target_date " + target + " is before the issue's day "
                        + issueDay + " (issued_at " + row.cell(issuedColumn) + "): a forecast is for a later day");
            }
            double min = temperature("temp_min_c", row.cell(minColumn));
            double max = temperature("temp_max_c", row.cell(maxColumn));
            double mean = temperature("temp_mean_c", row.cell(meanColumn));
            if (min > max) {
                throw new RecordRejected("temp_min_c", "temp_min_c " + min + " is above temp_max_c " + max);
            }
            if (mean < min || mean > max) {
                throw new RecordRejected("temp_mean_c", "temp_mean_c " + mean + " is outside temp_min_c..temp_max_c "
                        + min + ".." + max);
            }
            Double wind = Numbers.atLeastZero("wind_kmh", row.cell(windColumn), false);
            Double humidity = Numbers.within("humidity_percent", row.cell(humidityColumn), false, 0, 100, "%");
            Double cloud = Numbers.within("cloud_cover_percent", row.cell(cloudColumn), false, 0, 100, "%");
            out.accept(row.line(), new WeatherForecastIssued(null, region.code(), target, issuedAt, min, max, mean,
                    wind, humidity, cloud, SOURCE, lineage(context, row.line())), row.raw());
        };
    }

    private static double temperature(String field, String text) {
        Double value = Numbers.within(field, text, false, -40, 50, "°C");
        if (value == null) {
            throw new RecordRejected(field, field + " is empty");
        }
        return value;
    }
}
