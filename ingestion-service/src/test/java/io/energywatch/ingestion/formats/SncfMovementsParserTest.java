package io.energywatch.ingestion.formats;

import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.SocialMovementDeclared;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SncfMovementsParserTest {

    @Test
    void theFrenchLabelledExportGivesNationalMovements() {
        var sink = RecordingSink.parse(SourceFormat.SNCF_MOVEMENTS,
                "\uFEFFDate;date_de_fin;Motif exprimé;Organisations syndicales;Métiers ciblés par le préavis;"
                        + "Population devant travailler ciblee par le préavis;Nombre de grévistes du préavis;"
                        + "Taux de grévistes au sein de la population concernée par le préavis\n"
                        + "2003-02-10;2003-02-12;Journée d'action;CGT,CFDT,CFTC;agent de manoeuvre,logistique;3935.0;694.0;17.6\n"
                        + "2023-03-27;;Réforme des retraites;CGT,UNSA;;;;2.6\n");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.movements()).hasSize(2).allSatisfy(m -> {
            assertThat(m.scope()).isEqualTo(MovementScope.NATIONAL);
            assertThat(m.regionCodes()).isEmpty();
            assertThat(m.source()).isEqualTo("sncf");
        });
        var first = sink.movements().getFirst();
        assertThat(first.startDate()).isEqualTo(LocalDate.of(2003, 2, 10));
        assertThat(first.endDate()).isEqualTo(LocalDate.of(2003, 2, 12));
        assertThat(first.unions()).isEqualTo("CGT, CFDT, CFTC");
        assertThat(first.targetedJobs()).isEqualTo("agent de manoeuvre, logistique");
        assertThat(first.population()).isEqualTo("3935");
        assertThat(first.strikers()).isEqualTo(694);
        assertThat(first.strikerRatePercent()).isEqualTo(17.6);
        assertThat(first.movementId())
                .isEqualTo(SocialMovementDeclared.movementId("sncf", LocalDate.of(2003, 2, 10), "Journée d'action"));
        var oneDay = sink.movements().get(1);
        assertThat(oneDay.endDate()).isEqualTo(oneDay.startDate());
        assertThat(oneDay.strikers()).isNull();
    }

    @Test
    void theSnakeCaseExportWithQuotedListsIsReadTheSameWay() {
        var sink = RecordingSink.parse(SourceFormat.SNCF_MOVEMENTS,
                "date_de_debut;date_de_fin;motif;organisations_syndicales;metiers_cibles;population;nombre_grevistes;"
                        + "taux_grevistes\n"
                        + "2003-02-10;2003-02-12;Journée d'action;\"CGT;CFDT;CFTC\";\"agent de manoeuvre;logistique\";"
                        + "3935.0;694.0;17.6\n");

        assertThat(sink.movements()).singleElement().satisfies(m -> {
            assertThat(m.unions()).isEqualTo("CGT, CFDT, CFTC");
            assertThat(m.targetedJobs()).isEqualTo("agent de manoeuvre, logistique");
            assertThat(m.strikerRatePercent()).isEqualTo(17.6);
        });
    }

    @Test
    void ratesOutside0To100AndEndsBeforeStartsAreRejected() {
        var sink = RecordingSink.parse(SourceFormat.SNCF_MOVEMENTS,
                "date_de_debut;date_de_fin;motif;organisations_syndicales;metiers_cibles;population;nombre_grevistes;"
                        + "taux_grevistes\n"
                        + "2003-02-10;;A;CGT;;100;10;120\n"
                        + "2003-02-10;2003-02-01;B;CGT;;100;10;10\n"
                        + "2003-02-10;;C;CGT;;100;10.5;10\n");

        assertThat(sink.rejected).extracting(r -> r.field() + ": " + r.reason()).containsExactly(
                "taux_grevistes: taux_grevistes '120' is outside 0..100 %",
                "date_de_fin: date_de_fin '2003-02-01' is before date_de_debut '2003-02-10'",
                "nombre_grevistes: nombre_grevistes '10.5' is not a whole number of strikers");
    }
}
