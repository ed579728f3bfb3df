package io.energywatch.ingestion.formats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class OdreTemperatureParserTest {

    @Test
    void theCurrentExportWithTwoDigitYearsIsRead() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_TEMPERATURE,
                "\uFEFFID;Date;Code INSEE région;Région;TMin (°C);TMax (°C);TMoy (°C)\n"
                        + "2016-01-01T00:00:00-11;01/01/16;11;Île-de-France;3.3;8.76;6.03\n"
                        + "2025-11-29T00:00:00-76;29/11/25;76;Occitanie;2,37;13,45;7,91\n");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.weather()).extracting(w -> w.regionCode() + " " + w.date() + " " + w.tempMinC() + " "
                + w.tempMaxC() + " " + w.tempMeanC() + " " + w.source()).containsExactly(
                "11 2016-01-01 3.3 8.76 6.03 odre-temperature",
                "76 2025-11-29 2.37 13.45 7.91 odre-temperature");
    }

    @Test
    void theOlderExportWithoutIdAndIsoDatesIsRead() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_TEMPERATURE,
                "Date;Code INSEE région;Région;TMin (°C);TMax (°C);TMoy (°C)\n2016-03-09;94;Corse;3.75;12.8;8.28\n");

        assertThat(sink.weather()).singleElement().satisfies(w -> {
            assertThat(w.regionCode()).isEqualTo("94");
            assertThat(w.date()).isEqualTo(LocalDate.of(2016, 3, 9));
        });
    }

    @Test
    void badDatesRegionsAndTemperaturesAreRejected() {
        var sink = RecordingSink.parse(SourceFormat.ODRE_TEMPERATURE,
                "Date;Code INSEE région;Région;TMin (°C);TMax (°C);TMoy (°C)\n"
                        + "2016-13-09;94;Corse;3.75;12.8;8.28\n"
                        + "2016-03-09;99;Atlantide;3.75;12.8;8.28\n"
                        + "2016-03-09;94;Corse;-45;12.8;8.28\n"
                        + "2016-03-09;94;Corse;3;Infinity;8\n");

        assertThat(sink.rejected).extracting(RecordingSink.Rejected::reason).containsExactly(
                "Date '2016-13-09' is not a timestamp (expected ISO-8601, yyyy-MM-dd HH:mm:ss or dd/MM/yyyy)",
                "region '99' / 'Atlantide' is not a known region",
                "TMin (°C) '-45' is outside -40..50 °C",
                "TMax (°C) 'Infinity' is not a number");
        assertThat(sink.accepted).isEmpty();
    }
}
