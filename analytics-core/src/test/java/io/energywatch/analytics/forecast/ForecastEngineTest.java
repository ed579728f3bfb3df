package io.energywatch.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastEngineTest {

    private static final LocalDate START = LocalDate.of(2019, 1, 1);
    private static final ForecastEngine ENGINE = new ForecastEngine(ForecastEngineSettings.defaults().withTrees(30, 60));

    /** Demand = 1000 + 40 MWh per heating degree day, 150 less on weekends; temperature follows the seasons. */
    static DailySeries synthetic(int days) {
        var records = new ArrayList<DailyRecord>();
        for (int i = 0; i < days; i++) {
            LocalDate d = START.plusDays(i);
            double temp = 12 - 9 * Math.cos(2 * Math.PI * (d.getDayOfYear() - 15) / 365.0) + 2 * Math.sin(i * 1.7);
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            double energy = 1000 + 40 * Math.max(0, 15 - temp) - (weekend ? 150 : 0);
            records.add(new DailyRecord(d, energy, temp, false, 0));
        }
        return DailySeries.of(records);
    }

    @Test
    void ridgeLearnsALinearWeatherAndWeekdayDemandAndBeatsTheBaselines() {
        DailySeries s = synthetic(4 * 365 + 1); // 2019-01-01..2022-12-31
        BacktestResult r = ENGINE.backtest(s, START, LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), List.of(Algorithm.RIDGE, Algorithm.PERSISTENCE, Algorithm.CLIMATOLOGY), 1);

        assertThat(r.testRows()).isEqualTo(365);
        assertThat(r.of(Algorithm.RIDGE).test().mapePercent()).isLessThan(1.0);
        assertThat(r.of(Algorithm.RIDGE).test().mapePercent())
                .isLessThan(r.of(Algorithm.PERSISTENCE).test().mapePercent())
                .isLessThan(r.of(Algorithm.CLIMATOLOGY).test().mapePercent());
        assertThat(r.champion()).isEqualTo(Algorithm.RIDGE);
        BacktestStep first = r.of(Algorithm.RIDGE).steps().getFirst();
        assertThat(first.errorMwh()).isCloseTo(first.actualMwh() - first.predictedMwh(), within(1e-9));
        assertThat(first.lower95Mwh()).isLessThanOrEqualTo(first.lower80Mwh());
    }

    @Test
    void aTrainedForecasterIsJudgedOnAWindowExactlyAsTheBacktestOfItsAlgorithmWouldBe() {
        DailySeries s = synthetic(3 * 365);
        LocalDate cut = LocalDate.of(2021, 10, 31);
        TrainedForecaster ridge = ENGINE.train(s, START, cut, List.of(Algorithm.RIDGE), 1);
        BacktestResult backtest = ENGINE.backtest(s, START, cut, cut.plusDays(1), cut.plusDays(28),
                List.of(Algorithm.RIDGE), 1);

        ForecastMetrics evaluated = ENGINE.evaluate(ridge, s, cut.plusDays(1), cut.plusDays(28));

        // The same algorithm, trained on the same days, scored on the same window: the same errors.
        assertThat(evaluated.mapePercent()).isCloseTo(backtest.of(Algorithm.RIDGE).test().mapePercent(),
                within(1e-9));
        assertThat(evaluated.mapePercent()).isLessThan(1.0);
    }

    @Test
    void persistenceAtAOneDayHorizonPredictsYesterday() {
        DailySeries s = synthetic(400);
        BacktestResult r = ENGINE.backtest(s, START, LocalDate.of(2019, 12, 31), LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 1, 10), List.of(Algorithm.PERSISTENCE, Algorithm.SAME_DAY_LAST_WEEK), 1);

        for (BacktestStep step : r.of(Algorithm.PERSISTENCE).steps()) {
            assertThat(step.predictedMwh()).isEqualTo(s.energy(step.date().minusDays(1)));
        }
        for (BacktestStep step : r.of(Algorithm.SAME_DAY_LAST_WEEK).steps()) {
            assertThat(step.predictedMwh()).isEqualTo(s.energy(step.date().minusDays(7)));
        }
    }

    @Test
    void treeModelsAreReproducibleForTheSameSeed() {
        DailySeries s = synthetic(500);
        List<Algorithm> trees = List.of(Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING);

        BacktestResult a = ENGINE.backtest(s, START, LocalDate.of(2020, 3, 31), LocalDate.of(2020, 4, 1),
                LocalDate.of(2020, 4, 30), trees, 7);
        BacktestResult b = ENGINE.backtest(s, START, LocalDate.of(2020, 3, 31), LocalDate.of(2020, 4, 1),
                LocalDate.of(2020, 4, 30), trees, 7);

        for (Algorithm algorithm : trees) {
            assertThat(a.of(algorithm).steps()).isEqualTo(b.of(algorithm).steps());
        }
    }

    @Test
    void treeForecastersSurviveSerialisationAndPredictTheSameAfterwards() throws Exception {
        DailySeries s = synthetic(400);
        LocalDate last = START.plusDays(399);
        for (Algorithm algorithm : List.of(Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING)) {
            TrainedForecaster model = ENGINE.train(s, START, last, List.of(algorithm), 1);
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(model);
            }
            TrainedForecaster copy;
            try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (TrainedForecaster) in.readObject();
            }
            var tomorrow = List.of(DailyRecord.future(last.plusDays(1), 5.0, false, 0));

            assertThat(ENGINE.forecast(copy, s, tomorrow)).isEqualTo(ENGINE.forecast(model, s, tomorrow));
        }
    }

    @Test
    void forecastsBeyondKnownWeatherUseClimatologyAndSaySo() throws Exception {
        DailySeries history = synthetic(3 * 365);
        LocalDate last = START.plusDays(3 * 365 - 1);
        TrainedForecaster model = ENGINE.train(history, START, last, List.of(Algorithm.RIDGE, Algorithm.CLIMATOLOGY),
                3);

        List<ForecastStep> steps = ENGINE.forecast(model, history, List.of(
                DailyRecord.future(last.plusDays(1), 4.0, false, 0),
                DailyRecord.future(last.plusDays(2), Double.NaN, false, 0),
                DailyRecord.future(last.plusDays(3), Double.NaN, false, 0)));

        assertThat(model.algorithm()).isEqualTo(Algorithm.RIDGE);
        assertThat(steps).extracting(ForecastStep::weatherBasis)
                .containsExactly(WeatherBasis.FORECAST, WeatherBasis.CLIMATOLOGY, WeatherBasis.CLIMATOLOGY);
        assertThat(steps.get(0).tempMeanC()).isEqualTo(4.0);
        // Early January normals in the synthetic weather are near 12 − 9 = 3 °C.
        assertThat(steps.get(1).tempMeanC()).isBetween(1.0, 6.0);
        // 4 °C on a weekday: 1000 + 40·11 = 1440 MWh (the day is a Friday).
        assertThat(last.plusDays(1).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(steps.get(0).energyMwh()).isCloseTo(1440, within(25.0));
        assertThat(steps.get(0).lower80Mwh()).isLessThan(steps.get(0).energyMwh());
        // The registry stores the trained forecaster as Java serialisation.
        try (var out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(model);
        }
    }

    @Test
    void windInTheHistoryBecomesAFeatureAndTheModelLearnsIt() {
        // Demand of the synthetic series plus 6 MWh per km/h of wind, a draught the mean temperature cannot see.
        var windy = new ArrayList<DailyRecord>();
        var meanOnly = new ArrayList<DailyRecord>();
        for (DailyRecord r : synthetic(3 * 365).records()) {
            double wind = 15 + 10 * Math.sin(r.date().toEpochDay() * 2.3);
            double energy = r.energyMwh() + 6 * wind;
            windy.add(new DailyRecord(r.date(), energy, r.tempMeanC(), false, 0,
                    new DailyWeather(Double.NaN, Double.NaN, wind, Double.NaN, Double.NaN, Double.NaN)));
            meanOnly.add(new DailyRecord(r.date(), energy, r.tempMeanC(), false, 0));
        }
        LocalDate trainTo = LocalDate.of(2020, 12, 31);
        LocalDate testTo = LocalDate.of(2021, 12, 31);

        BacktestResult with = ENGINE.backtest(DailySeries.of(windy), START, trainTo, trainTo.plusDays(1), testTo,
                List.of(Algorithm.RIDGE), 1);
        BacktestResult without = ENGINE.backtest(DailySeries.of(meanOnly), START, trainTo, trainTo.plusDays(1), testTo,
                List.of(Algorithm.RIDGE), 1);

        assertThat(with.features()).contains("windKmh").doesNotContain("tempMaxC", "humidityPercent");
        assertThat(without.features()).doesNotContain("windKmh");
        assertThat(with.of(Algorithm.RIDGE).test().mapePercent()).isLessThan(0.5)
                .isLessThan(without.of(Algorithm.RIDGE).test().mapePercent() / 3);
    }
}
