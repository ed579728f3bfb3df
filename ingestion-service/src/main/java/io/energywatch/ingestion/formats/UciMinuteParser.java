package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The original UCI household power file: ';', {@code dd/MM/yyyy;HH:mm:ss}, '?' for a missing reading. Each line is one
 * minute of {@code electricity:meter-uci-1:uci:PT1M}, Global_active_power in kW (an average power), local time of Sceaux
 * (Europe/Paris).
 */
final class UciMinuteParser extends CsvParser {

    static final SeriesId SERIES = SeriesId.of(Carrier.ELECTRICITY, "meter-uci-1", "uci", "PT1M");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Override
    public SourceFormat format() {
        return SourceFormat.UCI_MINUTE;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ';';
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int dateColumn = header.require(f, "Date");
        int timeColumn = header.require(f, "Time");
        int valueColumn = header.require(f, "Global_active_power");
        String series = SERIES.toString();
        return row -> {
            var local = Timestamps.date("Date", row.cell(dateColumn)).atTime(Timestamps.time("Time", row.cell(timeColumn)));
            String text = row.cell(valueColumn);
            Double kw = text.equals("?") ? null : Numbers.consumption("Global_active_power", text, false);
            var lineage = lineage(context, row.line());
            out.at(series, local, row.line(), row.raw(), "Time", placement -> {
                var flags = new ArrayList<>(placement.flags());
                if (kw == null) {
                    flags.add(QualityFlag.MISSING);
                }
                return new LocalTimeline.Accepted(ConsumptionMeasured.of(SERIES, null, placement.start(),
                        placement.start().plus(MINUTE), kw, MeasurementUnit.KW, QualityStatus.UNKNOWN, List.copyOf(flags),
                        lineage));
            });
        };
    }
}
