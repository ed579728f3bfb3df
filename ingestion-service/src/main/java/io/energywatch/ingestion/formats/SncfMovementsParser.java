package io.energywatch.ingestion.formats;

import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.SocialMovementDeclared;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SNCF mouvements-sociaux-depuis-2002: one national movement per line. Two exports exist, with French labels
 * ({@code Date;date_de_fin;Motif exprimé;...}) or snake-case names ({@code date_de_debut;date_de_fin;motif;...}, lists of
 * unions quoted with ';' inside); both are read, lists normalised to ", ". An empty end date is a one-day movement.
 */
final class SncfMovementsParser extends CsvParser {

    static final String SOURCE = "sncf";

    @Override
    public SourceFormat format() {
        return SourceFormat.SNCF_MOVEMENTS;
    }

    @Override
    char delimiter(String headerLine, ParseContext context) {
        return ';';
    }

    @Override
    Reading begin(Header header, ParseContext context, LocalTimeline out) {
        var f = format();
        int startColumn = header.require(f, "Date", "date_de_debut");
        int endColumn = header.require(f, "date_de_fin");
        int motiveColumn = header.require(f, "Motif exprimé", "motif");
        int unionsColumn = header.find("Organisations syndicales", "organisations_syndicales");
        int jobsColumn = header.find("Métiers ciblés par le préavis", "metiers_cibles");
        int populationColumn = header.find("Population devant travailler ciblee par le préavis", "population");
        int strikersColumn = header.find("Nombre de grévistes du préavis", "nombre_grevistes");
        int rateColumn = header.find("Taux de grévistes au sein de la population concernée par le préavis",
                "taux_grevistes");
        return row -> {
            String startField = row.name(startColumn);
            var start = Timestamps.date(startField, row.cell(startColumn));
            var end = row.blank(endColumn) ? start : Timestamps.date("date_de_fin", row.cell(endColumn));
            if (end.isBefore(start)) {
                throw new RecordRejected("date_de_fin", "date_de_fin '" + row.cell(endColumn) + "' is before "
                        + startField + " '" + row.cell(startColumn) + "'");
            }
            String motive = text(row.cell(motiveColumn));
            Double population = Numbers.atLeastZero(name(row, populationColumn), row.cell(populationColumn), true);
            Double strikers = Numbers.atLeastZero(name(row, strikersColumn), row.cell(strikersColumn), true);
            if (strikers != null && strikers != Math.rint(strikers)) {
                throw new RecordRejected(name(row, strikersColumn), name(row, strikersColumn) + " '"
                        + row.cell(strikersColumn) + "' is not a whole number of strikers");
            }
            Double rate = Numbers.within(name(row, rateColumn), row.cell(rateColumn), true, 0, 100, "%");
            out.accept(row.line(), new SocialMovementDeclared(null, SocialMovementDeclared.movementId(SOURCE, start, motive),
                    start, end, MovementScope.NATIONAL, List.of(), motive, list(row.cell(unionsColumn)),
                    list(row.cell(jobsColumn)), population == null ? null : Long.toString(Math.round(population)),
                    strikers == null ? null : (int) Math.round(strikers), rate, SOURCE, lineage(context, row.line())),
                    row.raw());
        };
    }

    private static String name(Row row, int column) {
        return column < 0 ? "column" : row.name(column);
    }

    private static @Nullable String text(String cell) {
        return cell.isEmpty() ? null : cell;
    }

    /** "CGT;CFDT" and "CGT,CFDT" alike as "CGT, CFDT". */
    private static @Nullable String list(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        return Arrays.stream(cell.split("[;,]")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }
}
