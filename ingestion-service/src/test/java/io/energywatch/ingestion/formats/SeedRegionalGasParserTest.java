package io.energywatch.ingestion.formats;

import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class SeedRegionalGasParserTest {

    static final String HEADER = "date,opérateur,secteur_d'activité,région,00:00,01:00,02:00,03:00,04:00,05:00,06:00,07:00,"
            + "08:00,09:00,10:00,11:00,12:00,13:00,14:00,15:00,16:00,17:00,18:00,19:00,20:00,21:00,22:00,23:00,"
            + "consommation_journalière_(mwh_-_pcs_0°c),statut,movement_social,motif\n";

    private static String line(String date, String operator, String sector, String region, String hours,
                               String status, String movement, String motive) {
        return date + "," + operator + "," + sector + "," + region + "," + hours + ",0," + status + "," + movement + ","
                + motive + "\n";
    }

    private static String hours(String... values) {
        var cells = new java.util.ArrayList<>(Collections.nCopies(24, "100.5"));
        for (int i = 0; i < values.length; i += 2) {
            cells.set(Integer.parseInt(values[i]), values[i + 1]);
        }
        return String.join(",", cells);
    }

    @Test
    void aLineGives24HourlyEnergiesOfTheOperatorsRegionalSeries() {
        var sink = RecordingSink.parse(SourceFormat.SEED_REGIONAL_GAS, HEADER
                + line("2024-01-15", "GRTgaz", "GRD/ELD", "bretagne", hours("5", ""), "Définitif", "False", ""));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.consumption()).hasSize(24).allSatisfy(c -> {
            assertThat(c.seriesId()).isEqualTo("gas:53:grtgaz:PT1H");
            assertThat(c.unit()).isEqualTo(MeasurementUnit.MWH);
            assertThat(c.quality()).isEqualTo(QualityStatus.DEFINITIVE);
        });
        var first = sink.consumption().getFirst();
        assertThat(first.intervalStart()).isEqualTo(Instant.parse("2024-01-14T23:00:00Z"));
        assertThat(first.energyMwh()).isEqualTo(100.5);
        assertThat(first.powerMw()).isEqualTo(100.5);
        var hole = sink.consumption().get(5);
        assertThat(hole.value()).isNull();
        assertThat(hole.flags()).containsExactly(QualityFlag.MISSING);
        assertThat(sink.movements()).isEmpty();
    }

    @Test
    void aTeregaLineWithASocialMovementAlsoDeclaresARegionalOneDayMovement() {
        var sink = RecordingSink.parse(SourceFormat.SEED_REGIONAL_GAS, HEADER
                + line("2023-03-07", "Teréga", "GRD/ELD", "occitanie", hours(), "Meilleur Statut", "True",
                "réforme des retraites"));

        assertThat(sink.consumption()).hasSize(24).allSatisfy(c -> {
            assertThat(c.seriesId()).isEqualTo("gas:76:terega:PT1H");
            assertThat(c.quality()).isEqualTo(QualityStatus.CONSOLIDATED);
        });
        assertThat(sink.movements()).singleElement().satisfies(m -> {
            assertThat(m.scope()).isEqualTo(MovementScope.REGIONAL);
            assertThat(m.regionCodes()).containsExactly("76");
            assertThat(m.startDate()).isEqualTo(LocalDate.of(2023, 3, 7));
            assertThat(m.endDate()).isEqualTo(LocalDate.of(2023, 3, 7));
            assertThat(m.motive()).isEqualTo("réforme des retraites");
            assertThat(m.source()).isEqualTo("seed-gas");
            assertThat(m.movementId()).endsWith("-76");
        });
    }

    @Test
    void onTheSpringForwardDayThe0200HourIsRejectedAndTheOthersKept() {
        var sink = RecordingSink.parse(SourceFormat.SEED_REGIONAL_GAS, HEADER
                + line("2024-03-31", "GRTgaz", "GRD/ELD", "normandie", hours(), "Définitif", "False", ""));

        assertThat(sink.consumption()).hasSize(23);
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("02:00");
            assertThat(r.reason()).contains("DST gap");
        });
        assertThat(sink.consumption().get(2).intervalStart()).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
    }

    @Test
    void onTheFallBackDayThe0200HourIsTheFirstOccurrenceFlaggedAmbiguous() {
        var sink = RecordingSink.parse(SourceFormat.SEED_REGIONAL_GAS, HEADER
                + line("2024-10-27", "GRTgaz", "GRD/ELD", "normandie", hours(), "Définitif", "False", ""));

        assertThat(sink.consumption()).hasSize(24);
        var ambiguous = sink.consumption().stream().filter(c -> c.flags().contains(QualityFlag.DST_AMBIGUOUS)).toList();
        assertThat(ambiguous).singleElement().satisfies(c -> {
            assertThat(c.intervalStart()).isEqualTo(Instant.parse("2024-10-27T00:00:00Z"));
            assertThat(c.intervalEnd()).isEqualTo(Instant.parse("2024-10-27T01:00:00Z"));
        });
        assertThat(sink.consumption().get(3).intervalStart()).isEqualTo(Instant.parse("2024-10-27T02:00:00Z"));
    }

    @Test
    void anotherSectorIsRejectedAsOneLineNamingTheSector() {
        var sink = RecordingSink.parse(SourceFormat.SEED_REGIONAL_GAS, HEADER
                + line("2024-01-15", "GRTgaz", "Industriels", "bretagne", hours(), "Définitif", "False", ""));

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("secteur_d'activité");
            assertThat(r.reason()).contains("'Industriels'").contains("GRD/ELD");
        });
    }

    @Test
    void badHoursAreRejectedOneByOneAndBadLinesAsAWhole() {
        var sink = RecordingSink.parse(SourceFormat.SEED_REGIONAL_GAS, HEADER
                + line("2024-01-15", "GRTgaz", "GRD/ELD", "bretagne", hours("3", "-2", "4", "x1"), "Définitif", "False", "")
                + line("2024-01-16", "GRDF", "GRD/ELD", "bretagne", hours(), "Définitif", "False", "")
                + line("2024-01-17", "GRTgaz", "GRD/ELD", "atlantide", hours(), "Définitif", "False", "")
                + line("2024-01-18", "GRTgaz", "GRD/ELD", "bretagne", hours(), "Définitif", "Maybe", ""));

        assertThat(sink.consumption()).hasSize(22);
        assertThat(sink.rejected).extracting(RecordingSink.Rejected::reason).containsExactly(
                "03:00 '-2' is negative; consumption cannot be",
                "04:00 'x1' is not a number",
                "opérateur 'GRDF' is not GRTgaz or Teréga",
                "région 'atlantide' is not a known region",
                "movement_social 'Maybe' is not True or False");
    }
}
