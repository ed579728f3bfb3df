package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The resampled UCI household files, local Paris time, into {@code electricity:meter-uci-1:uci:{PT1H|P1D}}.
 *
 * <ul>
 *   <li>Hourly means ({@code Datetime} with a time of day): the mean of the minute readings, an average power, kept in kW.</li>
 *   <li>Hourly sums ({@code Date,Hour,...}, the mtad-gat file): the sum of up to 60 one-minute kW readings. Each minute at
 *       P kW is P/60 kWh, so the value is sum/60 in kWh: the energy of the minutes recorded. The file drops missing minutes
 *       without counting them, so a mean kW (sum/n) cannot be derived exactly; the energy reading understates a partial
 *       hour, and says what was measured.</li>
 *   <li>Daily sums ({@code Datetime} holding a date): the same minute sum over a local day, so sum/60 kWh over the Paris
 *       day (23 or 25 hours on DST days).</li>
 * </ul>
 */
final class UciResampledParser extends CsvParser {

    static final SeriesId HOURLY = SeriesId.of(Carrier.ELECTRICITY, "meter-uci-1", "uci", "PT1H");
    static final SeriesId DAILY = SeriesId.of(Carrier.ELECTRICITY, "meter-uci-1", "uci", "P1D");
    static final double MINUTES_PER_HOUR = 60.0;
    private static final Duration HOUR = Duration.ofHours(1);

    @Override
    public SourceFormat format() {
        return SourceFormat.UCI_RESAMPLED;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ',';
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int valueColumn = header.require(f, "Global_active_power");
        int datetimeColumn = header.find("Datetime");
        int dateColumn = header.find("Date");
        int hourColumn = header.find("Hour");
        boolean minuteSums = hourColumn >= 0;
        if (datetimeColumn < 0 && !(dateColumn >= 0 && minuteSums)) {
            throw new UnreadableUploadException("the header has neither 'Datetime' nor 'Date' and 'Hour' that format "
                    + f.code() + " needs; columns seen: " + header.names());
        }
        return row -> {
            LocalDateTime local;
            boolean daily;
            if (datetimeColumn >= 0) {
                var stamp = Timestamps.parse("Datetime", row.cell(datetimeColumn));
                if (!(stamp instanceof Timestamps.Local(LocalDateTime at, boolean dateOnly))) {
                    throw new RecordRejected("Datetime", "Datetime '" + row.cell(datetimeColumn)
                            + "' has an offset; UCI files are in local time");
                }
                local = at;
                daily = dateOnly;
            } else {
                int hour = (int) Numbers.required("Hour", row.cell(hourColumn), false);
                if (hour < 0 || hour > 23) {
                    throw new RecordRejected("Hour", "Hour '" + row.cell(hourColumn) + "' is not 0..23");
                }
                local = Timestamps.date("Date", row.cell(dateColumn)).atTime(hour, 0);
                daily = false;
            }
            String text = row.cell(valueColumn);
            Double read = text.equals("?") ? null : Numbers.consumption("Global_active_power", text, false);
            var lineage = lineage(context, row.line());
            if (daily) {
                LocalDate day = local.toLocalDate();
                var start = day.atStartOfDay(context.zone()).toInstant();
                var end = day.plusDays(1).atStartOfDay(context.zone()).toInstant();
                out.accept(row.line(), ConsumptionMeasured.of(DAILY, null, start, end, kwh(read), MeasurementUnit.KWH,
                        QualityStatus.UNKNOWN, flags(List.of(), read), lineage), row.raw());
                return;
            }
            Double value = minuteSums ? kwh(read) : read;
            var unit = minuteSums ? MeasurementUnit.KWH : MeasurementUnit.KW;
            out.at(HOURLY.toString(), local, row.line(), row.raw(), datetimeColumn >= 0 ? "Datetime" : "Hour",
                    placement -> new LocalTimeline.Accepted(ConsumptionMeasured.of(HOURLY, null, placement.start(),
                            placement.start().plus(HOUR), value, unit, QualityStatus.UNKNOWN,
                            flags(placement.flags(), value), lineage)));
        };
    }

    /** A sum of one-minute kW readings as energy: each minute contributes kW × 1/60 h. */
    private static Double kwh(Double minuteKwSum) {
        return minuteKwSum == null ? null : minuteKwSum / MINUTES_PER_HOUR;
    }

    private static List<QualityFlag> flags(List<QualityFlag> placed, Double value) {
        if (value != null) {
            return placed;
        }
        var flags = new ArrayList<>(placed);
        flags.add(QualityFlag.MISSING);
        return List.copyOf(flags);
    }
}
