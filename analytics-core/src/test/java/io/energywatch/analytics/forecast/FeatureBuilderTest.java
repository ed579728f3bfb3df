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
}
