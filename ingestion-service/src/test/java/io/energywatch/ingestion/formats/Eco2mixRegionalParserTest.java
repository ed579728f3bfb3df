package io.energywatch.ingestion.formats;

import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class Eco2mixRegionalParserTest {

    static final String HEADER = "Périmètre;Nature;Date;Heures;Consommation;Thermique;Nucléaire;Eolien;Solaire;"
            + "Hydraulique;Pompage;Bioénergies;Ech. physiques\n";
    static final String DISCLAIMER = "RTE ne pourra être tenu responsable de l'usage qui pourrait être fait des données "
            + "mises à disposition, ni en cas de prévisions qui se révèleraient imprécises.;;;;;;;;;;;;\n";

    private static RecordingSink parseLatin1(String text) {
        return RecordingSink.parse(SourceFormat.ECO2MIX_REGIONAL, text, StandardCharsets.ISO_8859_1,
                RecordingSink.context());
    }

    @Test
    void aLatin1FileGivesOneRecordPerHalfHourAndSkipsQuarterHoursAndTheDisclaimer() {
        var sink = parseLatin1(HEADER
                + "PACA;Données définitives;01/01/2013;00:00;ND;ND;ND;ND;ND;ND;ND;ND;ND\n"
                + "PACA;Données définitives;01/01/2013;00:15;;;;;;;;;\n"
                + "PACA;Données définitives;01/01/2013;00:30;5570;537;-;12;0;1412;0;58;3548\n"
                + "PACA;Données définitives;01/01/2013;00:45;ND;ND;ND;ND;ND;ND;ND;ND;ND\n"
                + DISCLAIMER);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.consumption()).hasSize(2).allSatisfy(c -> {
            assertThat(c.seriesId()).isEqualTo("electricity:93:eco2mix:PT30M");
            assertThat(c.regionCode()).isEqualTo("93");
            assertThat(c.quality()).isEqualTo(QualityStatus.DEFINITIVE);
        });
        var missing = sink.consumption().get(0);
        assertThat(missing.intervalStart()).isEqualTo(Instant.parse("2012-12-31T23:00:00Z"));
        assertThat(missing.value()).isNull();
        assertThat(missing.flags()).containsExactly(QualityFlag.MISSING);
        var present = sink.consumption().get(1);
        assertThat(present.intervalStart()).isEqualTo(Instant.parse("2012-12-31T23:30:00Z"));
        assertThat(present.intervalEnd()).isEqualTo(Instant.parse("2013-01-01T00:00:00Z"));
        assertThat(present.value()).isEqualTo(5570.0);
        assertThat(present.lineage().lineNumber()).isEqualTo(4L);
    }

    @Test
    void accentedRegionNamesAreDecodedFromLatin1() {
        var sink = parseLatin1(HEADER
                + "Provence-Alpes-Côte d'Azur;Données consolidées;01/06/2024;12:00;4000;;;;;;;;\n"
                + "Île-de-France;Données temps réel;01/06/2024;12:00;7000;;;;;;;;\n");

        assertThat(sink.consumption()).extracting(c -> c.seriesId() + " " + c.quality()).containsExactly(
                "electricity:93:eco2mix:PT30M CONSOLIDATED", "electricity:11:eco2mix:PT30M REAL_TIME");
    }

    @Test
    void theSameFileSavedAsUtf8IsReadToo() {
        var sink = RecordingSink.parse(SourceFormat.ECO2MIX_REGIONAL, HEADER
                + "Île-de-France;Données définitives;01/06/2024;12:00;7000;;;;;;;;\n");

        assertThat(sink.consumption()).singleElement().satisfies(c -> assertThat(c.area()).isEqualTo("11"));
    }

    @Test
    void theSpringForwardHalfHoursAreRejectedAsInTheDstGap() {
        var sink = parseLatin1(HEADER
                + "PACA;Données définitives;31/03/2024;01:30;4300;;;;;;;;\n"
                + "PACA;Données définitives;31/03/2024;02:00;4313;;;;;;;;\n"
                + "PACA;Données définitives;31/03/2024;02:30;4421;;;;;;;;\n"
                + "PACA;Données définitives;31/03/2024;03:00;4500;;;;;;;;\n");

        assertThat(sink.consumption()).extracting(c -> c.intervalStart()).containsExactly(
                Instant.parse("2024-03-31T00:30:00Z"), Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(sink.rejected).extracting(RecordingSink.Rejected::line).containsExactly(3L, 4L);
        assertThat(sink.rejected).allSatisfy(r -> {
            assertThat(r.field()).isEqualTo("Heures");
            assertThat(r.reason()).contains("DST gap").contains("02:00 to 03:00");
        });
    }

    @Test
    void theFallBackHourWrittenOnceIsTakenAsTheFirstOccurrenceAndFlagged() {
        var sink = parseLatin1(HEADER
                + "PACA;Données définitives;27/10/2024;01:30;3700;;;;;;;;\n"
                + "PACA;Données définitives;27/10/2024;02:00;3748;;;;;;;;\n"
                + "PACA;Données définitives;27/10/2024;02:30;3852;;;;;;;;\n"
                + "PACA;Données définitives;27/10/2024;03:00;3900;;;;;;;;\n");

        assertThat(sink.consumption()).extracting(c -> c.intervalStart() + " " + c.flags()).containsExactly(
                "2024-10-26T23:30:00Z []",
                "2024-10-27T00:00:00Z [DST_AMBIGUOUS]",
                "2024-10-27T00:30:00Z [DST_AMBIGUOUS]",
                "2024-10-27T02:00:00Z []");
        assertThat(sink.callLines).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void theFallBackHourWrittenTwiceIsTakenInOrderWithoutFlags() {
        var sink = parseLatin1(HEADER
                + "PACA;Données définitives;27/10/2024;02:00;1;;;;;;;;\n"
                + "PACA;Données définitives;27/10/2024;02:30;2;;;;;;;;\n"
                + "PACA;Données définitives;27/10/2024;02:00;3;;;;;;;;\n"
                + "PACA;Données définitives;27/10/2024;02:30;4;;;;;;;;\n"
                + "PACA;Données définitives;27/10/2024;03:00;5;;;;;;;;\n");

        assertThat(sink.consumption()).extracting(c -> c.intervalStart() + " " + c.value() + " " + c.flags())
                .containsExactly(
                        "2024-10-27T00:00:00Z 1.0 []",
                        "2024-10-27T00:30:00Z 2.0 []",
                        "2024-10-27T01:00:00Z 3.0 []",
                        "2024-10-27T01:30:00Z 4.0 []",
                        "2024-10-27T02:00:00Z 5.0 []");
    }

    @Test
    void unknownRegionsAndOffGridValuesAreRejected() {
        var sink = parseLatin1(HEADER
                + "Atlantide;Données définitives;01/06/2024;12:00;1;;;;;;;;\n"
                + "PACA;Données définitives;01/06/2024;12:15;4000;;;;;;;;\n"
                + "PACA;Données définitives;01/06/2024;12:30;4O00;;;;;;;;\n");

        assertThat(sink.rejected).extracting(RecordingSink.Rejected::reason).containsExactly(
                "Périmètre 'Atlantide' is neither France nor a known region",
                "Heures '12:15' carries Consommation '4000' off the half-hour grid of electricity:93:eco2mix:PT30M",
                "Consommation '4O00' is not a number");
        assertThat(sink.accepted).isEmpty();
    }
}
