package io.energywatch.ingestion.formats;

import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UciParsersTest {

    @Test
    void minuteReadingsAreKilowattsInParisTimeWithQuestionMarksMissing() {
        var sink = RecordingSink.parse(SourceFormat.UCI_MINUTE,
                "Date;Time;Global_active_power;Global_reactive_power;Voltage;Global_intensity;Sub_metering_1;"
                        + "Sub_metering_2;Sub_metering_3\n"
                        + "16/12/2006;17:24:00;4.216;0.418;234.840;18.400;0.000;1.000;17.000\n"
                        + "21/12/2006;11:23:00;?;?;?;?;?;?;\n"
                        + "21/12/2006;11:24:00;abc;0;0;0;0;0;0\n");

        assertThat(sink.consumption()).hasSize(2).allSatisfy(c -> {
            assertThat(c.seriesId()).isEqualTo("electricity:meter-uci-1:uci:PT1M");
            assertThat(c.unit()).isEqualTo(MeasurementUnit.KW);
        });
        var first = sink.consumption().getFirst();
        assertThat(first.intervalStart()).isEqualTo(Instant.parse("2006-12-16T16:24:00Z"));
        assertThat(first.intervalEnd()).isEqualTo(Instant.parse("2006-12-16T16:25:00Z"));
        assertThat(first.powerMw()).isCloseTo(0.004216, within(1e-12));
        assertThat(sink.consumption().get(1).flags()).containsExactly(QualityFlag.MISSING);
        assertThat(sink.rejected).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("Global_active_power 'abc' is not a number"));
    }

    @Test
    void hourlyMeansStayKilowattsAndTheSpringForwardHourIsRejected() {
        var sink = RecordingSink.parse(SourceFormat.UCI_RESAMPLED,
                "Datetime,Global_active_power,Global_reactive_power,Voltage,Global_intensity,Sub_metering_1,"
                        + "Sub_metering_2,Sub_metering_3\n"
                        + "2024-03-31 01:00:00,1.5,0,240,6,0,0,0\n"
                        + "2024-03-31 02:00:00,1.6,0,240,6,0,0,0\n"
                        + "2024-03-31 03:00:00,1.7,0,240,6,0,0,0\n");

        assertThat(sink.consumption()).extracting(c -> c.intervalStart() + " " + c.value() + " " + c.unit())
                .containsExactly("2024-03-31T00:00:00Z 1.5 KW", "2024-03-31T01:00:00Z 1.7 KW");
        assertThat(sink.consumption()).allSatisfy(c -> assertThat(c.seriesId())
                .isEqualTo("electricity:meter-uci-1:uci:PT1H"));
        assertThat(sink.rejected).singleElement().satisfies(r -> assertThat(r.reason()).contains("DST gap"));
    }

    @Test
    void hourlySumsOfMinuteKilowattsBecomeKilowattHours() {
        var sink = RecordingSink.parse(SourceFormat.UCI_RESAMPLED,
                "Date,Hour,Global_active_power,Global_reactive_power,Voltage,Global_intensity,Sub_metering_1,"
                        + "Sub_metering_2,Sub_metering_3,Datetime\n"
                        + "18/12/2006,0,120.0,5.9,14676.4,73.4,0.0,2.0,0.0,2006-12-18 00:00:00\n");

        assertThat(sink.consumption()).singleElement().satisfies(c -> {
            assertThat(c.unit()).isEqualTo(MeasurementUnit.KWH);
            assertThat(c.value()).isEqualTo(2.0);
            assertThat(c.energyMwh()).isEqualTo(0.002);
            assertThat(c.intervalStart()).isEqualTo(Instant.parse("2006-12-17T23:00:00Z"));
        });
    }

    @Test
    void dailySumsBecomeTheEnergyOfTheLocalDayIncluding25HourDays() {
        var sink = RecordingSink.parse(SourceFormat.UCI_RESAMPLED,
                "Datetime,Global_active_power,Global_reactive_power,Voltage,Global_intensity,Sub_metering_1,"
                        + "Sub_metering_2,Sub_metering_3,Sub_metering_4\n"
                        + "2024-10-27,1500.0,34.9,93552.5,5180.8,0.0,546.0,4926.0,14680.9\n");

        assertThat(sink.consumption()).singleElement().satisfies(c -> {
            assertThat(c.seriesId()).isEqualTo("electricity:meter-uci-1:uci:P1D");
            assertThat(c.unit()).isEqualTo(MeasurementUnit.KWH);
            assertThat(c.value()).isEqualTo(25.0);
            assertThat(c.intervalStart()).isEqualTo(Instant.parse("2024-10-26T22:00:00Z"));
            assertThat(c.intervalEnd()).isEqualTo(Instant.parse("2024-10-27T23:00:00Z"));
            assertThat(c.powerMw()).isCloseTo(0.001, within(1e-12));
        });
    }
}
