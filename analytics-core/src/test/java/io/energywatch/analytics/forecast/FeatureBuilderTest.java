package io.energywatch.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureBuilderTest {

    private static final LocalDate BASTILLE_DAY_2022 = LocalDate.of(2022, 7, 14); // a Thursday

    private static DailySeries series(LocalDate from, int days, double temp) {
        var records = new ArrayList<DailyRecord>();
        for (int i = 0; i < days; i++) {
            records.add(new DailyRecord(from.plusDays(i), 1000 + i, temp, false, 0));
        }
        return DailySeries.of(records);
    }

    private static double feature(FeatureBuilder b, double[] row, String name) {
        return row[b.names().indexOf(name)];
    }

    @Test
    void degreeDaysAreTheDistanceBelowAndAboveTheirBases() {
        var builder = new FeatureBuilder(new FeatureSettings(15, 18, 46.6, 1));
        var cold = series(LocalDate.of(2022, 1, 1), 30, 5.0);
        var hot = series(LocalDate.of(2022, 7, 1), 30, 25.0);

        double[] coldRow = builder.row(cold, LocalDate.of(2022, 1, 20));
        double[] hotRow = builder.row(hot, LocalDate.of(2022, 7, 20));

        assertThat(feature(builder, coldRow, "hdd")).isEqualTo(10.0);
        assertThat(feature(builder, coldRow, "cdd")).isZero();
        assertThat(feature(builder, hotRow, "hdd")).isZero();
        assertThat(feature(builder, hotRow, "cdd")).isEqualTo(7.0);
    }

    @Test
    void aHolidayThursdayMakesFridayABridgeDay() {
        var builder = new FeatureBuilder(FeatureSettings.national(1));
        var s = series(LocalDate.of(2022, 6, 20), 40, 20.0);

        double[] holiday = builder.row(s, BASTILLE_DAY_2022);
        double[] friday = builder.row(s, BASTILLE_DAY_2022.plusDays(1));

        assertThat(feature(builder, holiday, "holiday")).isEqualTo(1.0);
        assertThat(feature(builder, holiday, "thu")).isEqualTo(1.0);
        assertThat(feature(builder, friday, "bridgeDay")).isEqualTo(1.0);
        assertThat(feature(builder, friday, "holiday")).isZero();
    }

    @Test
    void lagsShorterThanTheHorizonAreNotFeatures() {
        assertThat(new FeatureBuilder(FeatureSettings.national(1)).names())
                .contains("energyLag1", "energyLag2", "energyLag7", "energyLag14", "energyMean7d");
        assertThat(new FeatureBuilder(FeatureSettings.national(7)).names())
                .doesNotContain("energyLag1", "energyLag2").contains("energyLag7", "energyLag14", "energyMean7d");
        assertThat(new FeatureBuilder(FeatureSettings.national(30)).names())
                .noneMatch(n -> n.startsWith("energy"));
    }

    @Test
    void lagsAndTheRollingMeanReadTheSeriesHorizonDaysBack() {
        var builder = new FeatureBuilder(FeatureSettings.national(2));
        LocalDate start = LocalDate.of(2022, 3, 1);
        var s = series(start, 40, 10.0);
        LocalDate day = start.plusDays(20); // energy 1020

        double[] row = builder.row(s, day);

        assertThat(feature(builder, row, "energyLag2")).isEqualTo(1018.0);
        assertThat(feature(builder, row, "energyLag14")).isEqualTo(1006.0);
        // The 7 days ending 2 days back: 1012..1018.
        assertThat(feature(builder, row, "energyMean7d")).isEqualTo(1015.0);
    }

    @Test
    void aStrikeDayCarriesItsStrikerRate() {
        var builder = new FeatureBuilder(FeatureSettings.national(30));
        var s = DailySeries.of(List.of(new DailyRecord(LocalDate.of(2023, 3, 7), 1, 8.0, true, 36.5)));

        double[] row = builder.row(s, LocalDate.of(2023, 3, 7));

        assertThat(feature(builder, row, "strike")).isEqualTo(1.0);
        assertThat(feature(builder, row, "strikerRatePercent")).isEqualTo(36.5);
    }

    @Test
    void aDayWithoutTemperatureOrWithoutItsLagsGivesNoRow() {
        var builder = new FeatureBuilder(FeatureSettings.national(1));
        var s = series(LocalDate.of(2022, 3, 1), 40, 10.0)
                .with(List.of(new DailyRecord(LocalDate.of(2022, 3, 30), 1, Double.NaN, false, 0)));

        assertThat(builder.row(s, LocalDate.of(2022, 3, 30))).isNull();
        assertThat(builder.row(s, LocalDate.of(2022, 3, 5))).isNull();
        assertThat(builder.matrix(s, LocalDate.of(2022, 3, 1), LocalDate.of(2022, 4, 9)).rows())
                .isEqualTo(40 - 14 - 1);
    }

    /** 40 days from 1 March 2022; tmax = mean + 4, tmin = mean − 2; wind 10 + day on the days {@code windy} accepts. */
    private static DailySeries weathered(java.util.function.IntPredicate windy) {
        return weathered(windy, i -> false);
    }

    /** The same days, with visibility 5 + day on the days {@code clear} accepts. */
    private static DailySeries weathered(java.util.function.IntPredicate windy, java.util.function.IntPredicate clear) {
        var records = new ArrayList<DailyRecord>();
        LocalDate from = LocalDate.of(2022, 3, 1);
        for (int i = 0; i < 40; i++) {
            double mean = 8 + (i % 5);
            double wind = windy.test(i) ? 10 + i : Double.NaN;
            double visibility = clear.test(i) ? 5 + i : Double.NaN;
            records.add(new DailyRecord(from.plusDays(i), 1000 + i, mean, false, 0,
                    new DailyWeather(mean - 2, mean + 4, wind, Double.NaN, Double.NaN, visibility)));
        }
        return DailySeries.of(records);
    }

    @Test
    void aWeatherMeasureIsAFeatureOnlyWhenEnoughTrainingDaysHaveIt() {
        LocalDate from = LocalDate.of(2022, 3, 1);
        LocalDate to = from.plusDays(39);
        var base = new FeatureBuilder(FeatureSettings.national(1));

        // Wind on 36 of 40 days (90%) is used; wind on 20 of 40 days (50%) is not; humidity on none never is.
        var often = base.fittedTo(weathered(i -> i % 10 != 0), from, to);
        var half = base.fittedTo(weathered(i -> i % 2 == 0), from, to);

        assertThat(base.names()).doesNotContain("tempMaxC", "tempMinC", "windKmh");
        assertThat(often.weatherFeatures()).containsExactly(WeatherVariable.TEMP_MAX, WeatherVariable.TEMP_MIN,
                WeatherVariable.WIND);
        assertThat(often.names()).endsWith("tempMaxC", "tempMinC", "windKmh");
        assertThat(half.weatherFeatures()).containsExactly(WeatherVariable.TEMP_MAX, WeatherVariable.TEMP_MIN);
        assertThat(half.names()).doesNotContain("windKmh", "humidityPercent", "cloudCoverPercent", "visibilityKm");
    }

    @Test
    void visibilityFollowsTheSameEightyPercentRuleAndImputation() {
        LocalDate from = LocalDate.of(2022, 3, 1);
        LocalDate to = from.plusDays(39);
        var base = new FeatureBuilder(FeatureSettings.national(1));

        // Visibility on 32 of 40 days (80%) is used; on 31 of 40 (77.5%) it is not.
        DailySeries enough = weathered(i -> true, i -> i >= 8);
        var often = base.fittedTo(enough, from, to);
        var tooRare = base.fittedTo(weathered(i -> true, i -> i >= 9), from, to);

        assertThat(often.weatherFeatures()).containsExactly(WeatherVariable.TEMP_MAX, WeatherVariable.TEMP_MIN,
                WeatherVariable.WIND, WeatherVariable.VISIBILITY);
        assertThat(often.names()).endsWith("windKmh", "visibilityKm");
        assertThat(tooRare.weatherFeatures()).doesNotContain(WeatherVariable.VISIBILITY);
        assertThat(tooRare.names()).doesNotContain("visibilityKm");
        assertThat(tooRare.imputed(WeatherVariable.VISIBILITY, 3.0)).isNaN();

        // Training mean over days 8..39: 5 + 23.5; a day without visibility gets it, a measured day keeps its own.
        assertThat(often.imputed(WeatherVariable.VISIBILITY, 3.0)).isCloseTo(28.5,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(feature(often, often.row(enough, from.plusDays(20)), "visibilityKm")).isEqualTo(25.0);
        // A future day without the measure gets the training mean.
        DailySeries withTomorrow = enough.with(List.of(DailyRecord.future(to.plusDays(1), 9.0, false, 0)));
        assertThat(feature(often, often.row(withTomorrow, to.plusDays(1)), "visibilityKm")).isCloseTo(28.5,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aMeasuredValueIsUsedAsItIsAndAMissingOneGetsItsTrainingImputation() {
        LocalDate from = LocalDate.of(2022, 3, 1);
        DailySeries s = weathered(i -> i % 10 != 0);
        var builder = new FeatureBuilder(FeatureSettings.national(1)).fittedTo(s, from, from.plusDays(39));
        // Training mean of the wind over the 36 windy days: 10 + mean of {0..39} without 0, 10, 20, 30.
        double meanWind = 10 + (780 - 60) / 36.0;

        double[] measured = builder.row(s, from.plusDays(21));
        double[] imputed = builder.row(s, from.plusDays(20)); // no wind measured that day

        assertThat(feature(builder, measured, "windKmh")).isEqualTo(31.0);
        assertThat(feature(builder, measured, "tempMaxC")).isEqualTo(feature(builder, measured, "tempMeanC") + 4);
        assertThat(feature(builder, imputed, "windKmh")).isCloseTo(meanWind, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(builder.imputed(WeatherVariable.WIND, 3.0)).isCloseTo(meanWind,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(builder.imputed(WeatherVariable.HUMIDITY, 3.0)).isNaN();
    }

    @Test
    void aMissingTemperatureExtremeFollowsTheDaysOwnMeanTemperature() {
        LocalDate from = LocalDate.of(2022, 3, 1);
        DailySeries s = weathered(i -> true);
        var builder = new FeatureBuilder(FeatureSettings.national(1)).fittedTo(s, from, from.plusDays(39));
        LocalDate tomorrow = from.plusDays(40);
        // A cold day with only its mean temperature known: the extremes keep the training offsets (+4, −2) around it.
        DailySeries withTomorrow = s.with(List.of(DailyRecord.future(tomorrow, -3.0, false, 0)));

        double[] row = builder.row(withTomorrow, tomorrow);

        assertThat(row).isNotNull();
        assertThat(feature(builder, row, "tempMaxC")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(feature(builder, row, "tempMinC")).isCloseTo(-5.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(feature(builder, row, "windKmh")).isCloseTo(10 + 19.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theImputationIsLearnedOnTheTrainingWindowOnly() {
        LocalDate from = LocalDate.of(2022, 3, 1);
        DailySeries s = weathered(i -> true);
        // Training on the first 20 days: wind 10..29, mean 19.5; the later, windier days do not count.
        var builder = new FeatureBuilder(FeatureSettings.national(1)).fittedTo(s, from, from.plusDays(19));

        assertThat(builder.imputed(WeatherVariable.WIND, 0)).isCloseTo(19.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aFittedBuilderSurvivesSerialisation() throws Exception {
        LocalDate from = LocalDate.of(2022, 3, 1);
        DailySeries s = weathered(i -> i % 10 != 0);
        var builder = new FeatureBuilder(FeatureSettings.national(1)).fittedTo(s, from, from.plusDays(39));
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(builder);
        }
        FeatureBuilder copy;
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (FeatureBuilder) in.readObject();
        }

        assertThat(copy.names()).isEqualTo(builder.names());
        assertThat(copy.row(s, from.plusDays(20))).containsExactly(builder.row(s, from.plusDays(20)));
    }
}
