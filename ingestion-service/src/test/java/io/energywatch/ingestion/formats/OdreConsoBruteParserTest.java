package io.energywatch.ingestion.formats;

import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OdreConsoBruteParserTest {

    static final String HEADER = "\uFEFFDate - Heure;Date;Heure;Consommation brute gaz (MW PCS 0°C) - NaTran;Statut - NaTran;"
            + "Consommation brute gaz (MW PCS 0°C) - Teréga;Statut - Teréga;Consommation brute gaz totale (MW PCS 0°C);"
            + "Consommation brute électricité (MW) - RTE;Statut - RTE;Consommation brute totale (MW);flag_ignore\n";

    @Test
    void aFullHourLineGivesHalfHourlyElectricityAndHourlyGas() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_CONSO_BRUTE, HEADER
                + "2022-12-31T22:00:00+00:00;31/12/2022;23:00;30965;Définitif;2153;Définitif;33118;47566;Consolidé;80684;non\n");

        assertThat(sink.rejected).isEmpty();
        var electricity = sink.consumption("electricity:FR:odre:PT30M").getFirst();
        assertThat(electricity.intervalStart()).isEqualTo(Instant.parse("2022-12-31T22:00:00Z"));
        assertThat(electricity.intervalEnd()).isEqualTo(Instant.parse("2022-12-31T22:30:00Z"));
        assertThat(electricity.value()).isEqualTo(47566.0);
        assertThat(electricity.unit()).isEqualTo(MeasurementUnit.MW);
        assertThat(electricity.energyMwh()).isEqualTo(23783.0);
        assertThat(electricity.quality()).isEqualTo(QualityStatus.CONSOLIDATED);
        assertThat(electricity.lineage().lineNumber()).isEqualTo(2L);
        var gas = sink.consumption("gas:FR:odre:PT1H").getFirst();
        assertThat(gas.intervalEnd()).isEqualTo(Instant.parse("2022-12-31T23:00:00Z"));
        assertThat(gas.value()).isEqualTo(33118.0);
        assertThat(gas.energyMwh()).isEqualTo(33118.0);
        assertThat(gas.quality()).isEqualTo(QualityStatus.DEFINITIVE);
    }

    @Test
    void aHalfHourLineGivesNoGasRecordAtAll() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_CONSO_BRUTE, HEADER
                + "2022-12-31T22:30:00+00:00;31/12/2022;23:30;;;;;;47690;Temps réel;;non\n");

        assertThat(sink.consumption()).singleElement().satisfies(c -> {
            assertThat(c.seriesId()).isEqualTo("electricity:FR:odre:PT30M");
            assertThat(c.quality()).isEqualTo(QualityStatus.REAL_TIME);
        });
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void anEmptyGasTotalOnAFullHourIsAMissingRecordNotZero() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_CONSO_BRUTE, HEADER
                + "2022-12-05T22:00:00+00:00;05/12/2022;23:00;;Définitif;;Définitif;;64773;Définitif;;non\n");

        var gas = sink.consumption("gas:FR:odre:PT1H").getFirst();
        assertThat(gas.value()).isNull();
        assertThat(gas.powerMw()).isNull();
        assertThat(gas.flags()).containsExactly(QualityFlag.MISSING);
        assertThat(gas.quality()).isEqualTo(QualityStatus.DEFINITIVE);
    }

    @Test
    void aGasValueOnAHalfHourIsRejectedAsOffTheHourlyGrid() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_CONSO_BRUTE, HEADER
                + "2022-12-05T22:30:00+00:00;05/12/2022;23:30;70084;;4033;;74117;63276;Définitif;137393;non\n");

        assertThat(sink.consumption()).hasSize(1);
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.field()).isEqualTo("Consommation brute gaz totale (MW PCS 0°C)");
            assertThat(r.reason()).contains("'74117'").contains("off the hourly gas grid");
        });
    }

    @Test
    void theSpringForwardLineInTheMissingHourIsRejectedForBothRecords() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_CONSO_BRUTE, HEADER
                + "2024-03-31T01:00:00+00:00;31/03/2024;03:00;39379;Définitif;2512;Définitif;41891;46435;Définitif;88326;non\n"
                + "2024-03-31T01:00:00+00:00;31/03/2024;02:00;38515;Définitif;2295;Définitif;40810;46435;Définitif;87245;non\n");

        assertThat(sink.consumption()).extracting(c -> c.lineage().lineNumber()).containsOnly(2L);
        assertThat(sink.rejected).hasSize(2).allSatisfy(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.field()).isEqualTo("Heure");
            assertThat(r.reason()).contains("2024-03-31T02:00").contains("DST gap");
        });
    }

    @Test
    void theFallBackHoursKeepTheirOffsetInstants() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_CONSO_BRUTE, HEADER
                + "2024-10-27T00:00:00+00:00;27/10/2024;02:00;1;Définitif;1;Définitif;2;50000;Définitif;50002;non\n"
                + "2024-10-27T01:00:00+00:00;27/10/2024;02:00;1;Définitif;1;Définitif;2;51000;Définitif;51002;non\n");

        assertThat(sink.consumption("electricity:FR:odre:PT30M")).extracting(c -> c.intervalStart())
                .containsExactly(Instant.parse("2024-10-27T00:00:00Z"), Instant.parse("2024-10-27T01:00:00Z"));
        assertThat(sink.consumption()).allSatisfy(c -> assertThat(c.flags()).isEmpty());
    }

    @Test
    void badValuesAreRejectedNamingTheFieldAndTheValue() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_CONSO_BRUTE, HEADER
                + "2022-12-31T22:00:00+00:00;31/12/2022;23:00;1;Définitif;1;Définitif;-5;NaN;Définitif;1;non\n"
                + "2022-12-31T21:00:00+00:00;31/12/2022;22:00;1;Définitif;1;Définitif;12,5;47000;Provisoire;1;non\n");

        assertThat(sink.rejected).extracting(RecordingSink.Rejected::reason).containsExactly(
                "Consommation brute électricité (MW) - RTE 'NaN' is not a number",
                "Consommation brute gaz totale (MW PCS 0°C) '-5' is negative; consumption cannot be",
                "Statut - RTE 'Provisoire' is not Définitif, Consolidé, Temps réel or Meilleur statut");
        assertThat(sink.consumption("gas:FR:odre:PT1H")).singleElement()
                .satisfies(gas -> assertThat(gas.value()).isEqualTo(12.5));
    }
}
