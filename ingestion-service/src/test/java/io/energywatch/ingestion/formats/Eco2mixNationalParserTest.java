package io.energywatch.ingestion.formats;

import io.energywatch.contracts.GridCarbonIntensityMeasured;
import io.energywatch.contracts.QualityStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RTE's national éCO2mix files (Périmètre France) carry the grid's measured carbon intensity: the consumption becomes
 * the national series, the {@code Taux de Co2} values one intensity record per hour, emitted after the upload's other
 * records. The fixtures are written here in RTE's layout (and ODRÉ's export) with made-up values.
 */
class Eco2mixNationalParserTest {

    static final String NATURE_DEFINITIVE = "Données définitives";

    @Test
    void aNationalFileGivesTheNationalSeriesAndTheMeanIntensityOfEachHour() {
        var sink = parseLatin1(Eco2mixNational.HEADER
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/01/2024", "00:00", "64120", "40")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/01/2024", "00:15", "", "")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/01/2024", "00:30", "63050", "44")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/01/2024", "00:45", "", "")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/01/2024", "01:00", "61980", "38")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/01/2024", "01:30", "60870", "ND")
                + Eco2mixRegionalParserTest.DISCLAIMER.replace(";;;;;;;;;;;;", ";".repeat(35)));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.consumption()).extracting(c -> c.seriesId() + " " + c.intervalStart() + " " + c.value())
                .containsExactly(
                        "electricity:FR:eco2mix:PT30M 2023-12-31T23:00:00Z 64120.0",
                        "electricity:FR:eco2mix:PT30M 2023-12-31T23:30:00Z 63050.0",
                        "electricity:FR:eco2mix:PT30M 2024-01-01T00:00:00Z 61980.0",
                        "electricity:FR:eco2mix:PT30M 2024-01-01T00:30:00Z 60870.0");
        assertThat(sink.consumption().getFirst().regionCode()).isNull();
        assertThat(intensities(sink)).extracting(i -> i.area() + " " + i.hourStart() + " " + i.intensityGPerKwh()
                + " " + i.samples() + " " + i.quality() + " " + i.source()).containsExactly(
                "FR 2023-12-31T23:00:00Z 42.0 2 DEFINITIVE eco2mix",
                "FR 2024-01-01T00:00:00Z 38.0 1 DEFINITIVE eco2mix");
        var first = intensities(sink).getFirst();
        assertThat(first.lineage().lineNumber()).isEqualTo(4L);
        assertThat(first.eventId()).isEqualTo(GridCarbonIntensityMeasured.id("FR",
                Instant.parse("2023-12-31T23:00:00Z"), QualityStatus.DEFINITIVE, "eco2mix"));
        // The hours come after the file's consumption records, at the last line that carried a value.
        assertThat(sink.accepted.getLast().event()).isInstanceOf(GridCarbonIntensityMeasured.class);
        assertThat(sink.callLines.getLast()).isEqualTo(6L);
    }

    @Test
    void quarterHourValuesOfARealTimeFileAllEnterTheirHourAndItsLeastFinalStatus() {
        var sink = parseLatin1(Eco2mixNational.HEADER
                + Eco2mixNational.row("Données consolidées", "15/06/2024", "12:00", "45010", "20")
                + Eco2mixNational.row("Données consolidées", "15/06/2024", "12:15", "", "22")
                + Eco2mixNational.row("Données temps réel", "15/06/2024", "12:30", "44800", "25")
                + Eco2mixNational.row("Données temps réel", "15/06/2024", "12:45", "", "29"));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.consumption()).hasSize(2);
        assertThat(intensities(sink)).singleElement().satisfies(i -> {
            assertThat(i.hourStart()).isEqualTo(Instant.parse("2024-06-15T10:00:00Z"));
            assertThat(i.intensityGPerKwh()).isEqualTo(24.0);
            assertThat(i.samples()).isEqualTo(4);
            assertThat(i.quality()).isEqualTo(QualityStatus.REAL_TIME);
        });
    }

    @Test
    void theRepeatedAutumnHourGivesTwoHoursOfIntensity() {
        var sink = parseLatin1(Eco2mixNational.HEADER
                + Eco2mixNational.row(NATURE_DEFINITIVE, "27/10/2024", "02:00", "40000", "20")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "27/10/2024", "02:30", "39000", "22")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "27/10/2024", "02:00", "38000", "30")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "27/10/2024", "02:30", "37000", "32")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "27/10/2024", "03:00", "36000", "34"));

        assertThat(intensities(sink)).extracting(i -> i.hourStart() + " " + i.intensityGPerKwh()).containsExactly(
                "2024-10-27T00:00:00Z 21.0", "2024-10-27T01:00:00Z 31.0", "2024-10-27T02:00:00Z 34.0");
    }

    @Test
    void anIntensityThatIsNotANumberRejectsItsValueAndKeepsTheLinesConsumption() {
        var sink = parseLatin1(Eco2mixNational.HEADER
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/02/2024", "08:00", "70000", "5O")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/02/2024", "08:30", "70500", "-3")
                + Eco2mixNational.row(NATURE_DEFINITIVE, "01/02/2024", "09:00", "71000", "61"));

        assertThat(sink.consumption()).hasSize(3);
        assertThat(sink.rejected).extracting(r -> r.line() + " " + r.field() + " " + r.reason()).containsExactly(
                "2 Taux de Co2 Taux de Co2 '5O' is not a number",
                "3 Taux de Co2 Taux de Co2 '-3' is negative; a carbon intensity cannot be");
        assertThat(intensities(sink)).extracting(GridCarbonIntensityMeasured::intensityGPerKwh).containsExactly(61.0);
    }

    @Test
    void odresExportOfTheNationalDataIsRecognisedAndReadNewestFirst() {
        String csv = Eco2mixNational.ODRE_HEADER
                + "France;Données temps réel;2024-03-05;10:30;2024-03-05T10:30:00+01:00;60100;;;;;;;;;;;;;31\n"
                + "France;Données temps réel;2024-03-05;10:15;2024-03-05T10:15:00+01:00;;;;;;;;;;;;;;30\n"
                + "France;Données temps réel;2024-03-05;10:00;2024-03-05T10:00:00+01:00;60500;;;;;;;;;;;;;29\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        assertThat(FormatDetector.detect(bytes, IngestionKind.CONSUMPTION, null, null))
                .isEqualTo(SourceFormat.ECO2MIX_REGIONAL);
        var sink = RecordingSink.parse(SourceFormat.ECO2MIX_REGIONAL, bytes, RecordingSink.context());
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.consumption()).extracting(c -> c.intervalStart() + " " + c.value()).containsExactly(
                "2024-03-05T09:30:00Z 60100.0", "2024-03-05T09:00:00Z 60500.0");
        assertThat(intensities(sink)).singleElement().satisfies(i -> {
            assertThat(i.hourStart()).isEqualTo(Instant.parse("2024-03-05T09:00:00Z"));
            assertThat(i.intensityGPerKwh()).isEqualTo(30.0);
            assertThat(i.samples()).isEqualTo(3);
        });
    }

    @Test
    void regionalFilesHaveNoIntensityColumnAndGiveNoIntensity() {
        var sink = parseLatin1(Eco2mixRegionalParserTest.HEADER
                + "PACA;Données définitives;01/01/2013;00:30;5570;537;-;12;0;1412;0;58;3548\n");

        assertThat(sink.consumption()).hasSize(1);
        assertThat(intensities(sink)).isEmpty();
    }

    private static RecordingSink parseLatin1(String text) {
        return RecordingSink.parse(SourceFormat.ECO2MIX_REGIONAL, text, StandardCharsets.ISO_8859_1,
                RecordingSink.context());
    }

    private static List<GridCarbonIntensityMeasured> intensities(RecordingSink sink) {
        return sink.accepted.stream().map(RecordingSink.Accepted::event)
                .filter(GridCarbonIntensityMeasured.class::isInstance).map(GridCarbonIntensityMeasured.class::cast)
                .toList();
    }
}
