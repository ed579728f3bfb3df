package io.energywatch.ingestion.formats;

import io.energywatch.contracts.WeatherForecastIssued;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeatherForecastParserTest {

    private static final String HEADER = "region,issued_at,target_date,temp_min_c,temp_max_c,temp_mean_c,wind_kmh,"
            + "humidity_percent,cloud_cover_percent\n";

    private static java.util.List<WeatherForecastIssued> forecasts(RecordingSink sink) {
        return sink.accepted.stream().map(RecordingSink.Accepted::event).map(WeatherForecastIssued.class::cast)
                .toList();
    }

    @Test
    void aGoodFileIsReadWithOptionalMeasuresAndLocalIssueTimes() {
        var sink = RecordingSink.parse(SourceFormat.WEATHER_FORECAST, HEADER
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,3.5,11.0,7.2,18,71,40\n"
                + "Occitanie,2024-03-01 06:00,2024-03-08,5,15,10.1,,,\n");

        assertThat(sink.rejected).isEmpty();
        assertThat(forecasts(sink)).extracting(f -> f.regionCode() + " " + f.issuedAt() + " " + f.targetDate() + " "
                + f.tempMinC() + " " + f.tempMaxC() + " " + f.tempMeanC() + " " + f.windKmh() + " "
                + f.humidityPercent() + " " + f.cloudCoverPercent() + " " + f.source()).containsExactly(
                "11 2024-03-01T05:00:00Z 2024-03-02 3.5 11.0 7.2 18.0 71.0 40.0 weather-forecast-csv",
                "76 2024-03-01T05:00:00Z 2024-03-08 5.0 15.0 10.1 null null null weather-forecast-csv");
        assertThat(forecasts(sink).getFirst().lineage().lineNumber()).isEqualTo(2L);
    }

    @Test
    void theMinimalHeaderIsDetectedAsAWeatherForecast() {
        byte[] head = "region,issued_at,target_date,temp_min_c,temp_max_c,temp_mean_c\n11,2024-03-01T05:00:00Z,2024-03-02,1,2,1.5\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(FormatDetector.detect(head, IngestionKind.WEATHER_FORECAST, null, null))
                .isEqualTo(SourceFormat.WEATHER_FORECAST);
        assertThatThrownBy(() -> FormatDetector.detect(head, IngestionKind.WEATHER, null, null))
                .hasMessageContaining("carries weather-forecast data");
        var sink = RecordingSink.parse(SourceFormat.WEATHER_FORECAST, new String(head, StandardCharsets.UTF_8));
        assertThat(forecasts(sink)).singleElement().satisfies(f -> {
            assertThat(f.issuedAt()).isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
            assertThat(f.targetDate()).isEqualTo(LocalDate.of(2024, 3, 2));
            assertThat(f.windKmh()).isNull();
        });
    }

    @Test
    void eachBadFieldIsRejectedNamingTheLineAndTheField() {
        var sink = RecordingSink.parse(SourceFormat.WEATHER_FORECAST, HEADER
                + "99,2024-03-01T06:00:00+01:00,2024-03-02,3,11,7,,,\n"
                + "11,yesterday,2024-03-02,3,11,7,,,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-02-31,3,11,7,,,\n"
                + "11,2024-03-02T06:00:00+01:00,2024-03-01,3,11,7,,,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,,11,7,,,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,3,55,7,,,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,3,11,abc,,,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,12,11,11.5,,,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,3,11,12,,,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,3,11,7,-4,,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,3,11,7,,101,\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,3,11,7,,,-1\n"
                + "11,2024-03-01T06:00:00+01:00,2024-03-02,3,11\n");

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.rejected).extracting(r -> r.line() + " " + r.field()).containsExactly(
                "2 region", "3 issued_at", "4 target_date", "5 target_date", "6 temp_min_c", "7 temp_max_c",
                "8 temp_mean_c", "9 temp_min_c", "10 temp_mean_c", "11 wind_kmh", "12 humidity_percent",
                "13 cloud_cover_percent", "14 null");
        assertThat(sink.rejected.get(0).reason()).isEqualTo("region '99' is not a known region");
        assertThat(sink.rejected.get(3).reason()).isEqualTo("target_date 2024-03-01 is before the issue's day "
                + "2024-03-02 (issued_at 2024-03-02T06:00:00+01:00): a forecast is for a later day");
        assertThat(sink.rejected.get(4).reason()).isEqualTo("temp_min_c is empty");
        assertThat(sink.rejected.get(5).reason()).isEqualTo("temp_max_c '55' is outside -40..50 °C");
        assertThat(sink.rejected.get(12).reason()).contains("line 14 has 5 columns where the header has 9");
    }

    @Test
    void aMissingRequiredColumnMakesTheUploadUnreadable() {
        assertThatThrownBy(() -> RecordingSink.parse(SourceFormat.WEATHER_FORECAST,
                "region,issued_at,target_date,temp_min_c,temp_max_c\n11,2024-03-01T05:00:00Z,2024-03-02,1,2\n"))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("temp_mean_c");
    }
}
