package io.energywatch.ingestion.formats;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.SocialMovementDeclared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed project's regional gas file: one line per day, operator and region with 24 hourly energies (MWh PCS 0°C, local
 * Paris hours) and a social-movement flag. Each hour is a record of {@code gas:{INSEE}:{grtgaz|terega}:PT1H} in MWh; a
 * {@code movement_social} True line also yields a one-day regional {@link SocialMovementDeclared} (source {@code seed-gas},
 * its id suffixed by the region so each region's declaration is its own fact; the second operator of a region repeats it
 * and is counted as a duplicate).
 *
 * <p>Sector: the data holds one sector only, {@code GRD/ELD} (consumption delivered to the public distribution networks),
 * and the series id has no room for a sector. A utility reads {@code gas:53:grtgaz:PT1H} as that distribution load, so the
 * series means GRD/ELD and a line of another sector (industry, power plants) is rejected naming its sector rather than
 * summed in (which would need buffering a whole day across the unsorted file) or silently colliding on the same ids.
 */
final class SeedRegionalGasParser extends CsvParser {

    static final String DISTRIBUTION_SECTOR = "GRD/ELD";
    static final String MOVEMENT_SOURCE = "seed-gas";
    private static final Duration HOUR = Duration.ofHours(1);

    @Override
    public SourceFormat format() {
        return SourceFormat.SEED_REGIONAL_GAS;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ',';
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int dateColumn = header.require(f, "date");
        int operatorColumn = header.require(f, "opérateur");
        int sectorColumn = header.require(f, "secteur_d'activité");
        int regionColumn = header.require(f, "région");
        int statusColumn = header.require(f, "statut");
        int movementColumn = header.require(f, "movement_social");
        int motiveColumn = header.require(f, "motif");
        int[] hourColumns = new int[24];
        for (int h = 0; h < 24; h++) {
            hourColumns[h] = header.require(f, "%02d:00".formatted(h));
        }
        return row -> {
            long line = row.line();
            var day = Timestamps.date("date", row.cell(dateColumn));
            String operator = source(row.cell(operatorColumn));
            String sector = row.cell(sectorColumn);
            if (!sector.equalsIgnoreCase(DISTRIBUTION_SECTOR)) {
                throw new RecordRejected("secteur_d'activité", "secteur_d'activité '" + sector + "' is not "
                        + DISTRIBUTION_SECTOR + ": gas:{region}:" + operator + ":PT1H holds distribution-network load only");
            }
            Region region = Regions.resolve(row.cell(regionColumn)).orElseThrow(() -> new RecordRejected("région",
                    "région '" + row.cell(regionColumn) + "' is not a known region"));
            var status = Statuses.of("statut", row.cell(statusColumn));
            boolean movement = bool("movement_social", row.cell(movementColumn));
            var series = SeriesId.of(Carrier.GAS, region.code(), operator, "PT1H");
            var lineage = lineage(context, line);
            for (int h = 0; h < 24; h++) {
                String field = row.name(hourColumns[h]);
                Double mwh;
                try {
                    mwh = Numbers.consumption(field, row.cell(hourColumns[h]), false);
                } catch (RecordRejected e) {
                    out.reject(line, e.field(), e.reason(), row.raw());
                    continue;
                }
                out.at(series.toString(), day.atTime(h, 0), line, row.raw(), field, placement -> {
                    var flags = new ArrayList<>(placement.flags());
                    if (mwh == null) {
                        flags.add(QualityFlag.MISSING);
                    }
                    return new LocalTimeline.Accepted(ConsumptionMeasured.of(series, region.code(), placement.start(),
                            placement.start().plus(HOUR), mwh, MeasurementUnit.MWH, status, List.copyOf(flags), lineage));
                });
            }
            if (movement) {
                String motive = row.cell(motiveColumn).isEmpty() ? null : row.cell(motiveColumn);
                String id = SocialMovementDeclared.movementId(MOVEMENT_SOURCE, day, motive) + "-" + region.code();
                out.accept(line, new SocialMovementDeclared(null, id, day, day, MovementScope.REGIONAL,
                        List.of(region.code()), motive, null, null, null, null, null, MOVEMENT_SOURCE, lineage), row.raw());
            }
        };
    }

    private static String source(String operator) {
        return switch (Header.key(operator)) {
            case "grtgaz" -> "grtgaz";
            case "terega" -> "terega";
            default -> throw new RecordRejected("opérateur", "opérateur '" + operator + "' is not GRTgaz or Teréga");
        };
    }

    private static boolean bool(String field, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "vrai", "oui" -> true;
            case "false", "0", "faux", "non", "" -> false;
            default -> throw new RecordRejected(field, field + " '" + text + "' is not True or False");
        };
    }
}
