package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * ODRÉ consommation-quotidienne-brute: per line the national half-hourly electricity (RTE) and, on full hours, gas.
 *
 * <p>Gas is published hourly: on the half-hour lines all gas cells are empty. So gas is the series {@code gas:FR:odre:PT1H}
 * with an interval of one hour, read from the full-hour lines only; an empty gas total there is a MISSING record, a
 * half-hour line yields no gas record, and a gas value on a half-hour line (late 2022 has a few days shifted so) is
 * rejected as off the hourly grid. The instant is {@code Date - Heure} (it has an offset); the local {@code Date}/{@code
 * Heure} cells are checked so the spring-forward lines, which repeat the 03:00 instant under a non-existent 02:00 local
 * time, are rejected as in the DST gap. Values are average power in MW (gas: MW PCS 0°C); gas status is NaTran's,
 * Teréga's when NaTran's is empty.
 */
final class OdreConsoBruteParser extends CsvParser {

    static final SeriesId ELECTRICITY = SeriesId.of(Carrier.ELECTRICITY, "FR", "odre", "PT30M");
    static final SeriesId GAS = SeriesId.of(Carrier.GAS, "FR", "odre", "PT1H");

    @Override
    public SourceFormat format() {
        return SourceFormat.ODRE_CONSO_BRUTE;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ';';
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int instantColumn = header.require(f, "Date - Heure");
        int dateColumn = header.find("Date");
        int timeColumn = header.find("Heure");
        int electricityColumn = header.require(f, "Consommation brute électricité (MW) - RTE");
        int electricityStatus = header.require(f, "Statut - RTE");
        int gasColumn = header.require(f, "Consommation brute gaz totale (MW PCS 0°C)");
        int natranStatus = header.find("Statut - NaTran", "Statut - GRTgaz");
        int teregaStatus = header.find("Statut - Teréga");
        boolean hasLocal = dateColumn >= 0 && timeColumn >= 0;
        return row -> {
            long line = row.line();
            String instantText = row.cell(instantColumn);
            Instant start;
            try {
                start = Timestamps.offsetInstant(instantText);
            } catch (DateTimeException e) {
                throw new RecordRejected(row.name(instantColumn), "Date - Heure '" + instantText
                        + "' is not an ISO-8601 timestamp with an offset");
            }
            boolean gasSlot = start.getEpochSecond() % 3600 == 0;
            String gasText = row.cell(gasColumn);
            if (hasLocal) {
                var local = Timestamps.parse("Date", row.cell(dateColumn) + " " + row.cell(timeColumn));
                if (local instanceof Timestamps.Local(LocalDateTime at, boolean dateOnly) && !dateOnly
                        && context.zone().getRules().getValidOffsets(at).isEmpty()) {
                    String reason = "Heure " + at + " falls in the DST gap of " + context.zone()
                            + " (clocks jump from 02:00 to 03:00); its Date - Heure " + instantText
                            + " repeats another line's instant";
                    out.reject(line, "Heure", reason, row.raw());
                    if (gasSlot) {
                        out.reject(line, "Heure", reason, row.raw());
                    }
                    return;
                }
            }
            try {
                Double mw = Numbers.consumption(row.name(electricityColumn), row.cell(electricityColumn), true);
                var status = Statuses.of(row.name(electricityStatus), row.cell(electricityStatus));
                out.accept(line, measured(ELECTRICITY, start, Duration.ofMinutes(30), mw, status, context, line),
                        row.raw());
            } catch (RecordRejected e) {
                out.reject(line, e.field(), e.reason(), row.raw());
            }
            if (!gasSlot) {
                if (!gasText.isEmpty()) {
                    out.reject(line, row.name(gasColumn), row.name(gasColumn) + " '" + gasText + "' at " + start
                            + " is off the hourly gas grid (gas is published on full hours only)", row.raw());
                }
                return;
            }
            try {
                Double mw = Numbers.consumption(row.name(gasColumn), gasText, true);
                String statusText = row.cell(natranStatus).isEmpty() ? row.cell(teregaStatus) : row.cell(natranStatus);
                var status = Statuses.of("Statut - NaTran", statusText);
                out.accept(line, measured(GAS, start, Duration.ofHours(1), mw, status, context, line), row.raw());
            } catch (RecordRejected e) {
                out.reject(line, e.field(), e.reason(), row.raw());
            }
        };
    }

    private static ConsumptionMeasured measured(SeriesId series, Instant start, Duration step, Double mw,
                                                QualityStatus status, ParseContext context, long line) {
        var flags = mw == null ? List.of(QualityFlag.MISSING) : List.<QualityFlag>of();
        return ConsumptionMeasured.of(series, null, start, start.plus(step), mw, MeasurementUnit.MW, status, flags,
                lineage(context, line));
    }
}
