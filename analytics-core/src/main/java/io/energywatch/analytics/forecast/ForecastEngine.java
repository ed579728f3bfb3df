package io.energywatch.analytics.forecast;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backtests, trains and runs daily forecasters. Each algorithm is validated by expanding-window cross-validation inside
 * the training window; the champion is the lowest pooled validation MAPE, and its conformal intervals come from the same
 * validation residuals, so the test window is never used to choose or calibrate anything.
 */
public final class ForecastEngine {

    private final ForecastEngineSettings settings;

    public ForecastEngine(ForecastEngineSettings settings) {
        this.settings = settings;
    }

    public ForecastEngineSettings settings() {
        return settings;
    }

    public BacktestResult backtest(DailySeries series, LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom,
                                   LocalDate testTo, List<Algorithm> algorithms, int horizonDays) {
        if (!testFrom.isAfter(trainTo)) {
            throw new IllegalArgumentException("test window must start after the training window ends");
        }
        var features = new FeatureBuilder(settings.features().withHorizon(horizonDays))
                .fittedTo(series, trainFrom, trainTo);
        FeatureMatrix train = features.matrix(series, trainFrom, trainTo);
        FeatureMatrix test = features.matrix(series, testFrom, testTo);
        if (test.rows() == 0) {
            throw new IllegalArgumentException("no test day between " + testFrom + " and " + testTo
                    + " has both an energy and the features the model needs");
        }
        var results = new ArrayList<AlgorithmBacktest>();
        for (Algorithm algorithm : algorithms) {
            Validation validation = validate(algorithm, features, series, train);
            Predictor predictor = fit(algorithm, features, train);
            double[] predicted = predict(predictor, series, test.dates());
            ConformalIntervals intervals = ConformalIntervals.fromResiduals(validation.residuals());
            var steps = new ArrayList<BacktestStep>();
            int in80 = 0;
            int in95 = 0;
            for (int i = 0; i < test.rows(); i++) {
                double p = predicted[i];
                double a = test.y()[i];
                steps.add(new BacktestStep(test.dates().get(i), a, p, a - p, intervals.lower80(p),
                        intervals.upper80(p), intervals.lower95(p), intervals.upper95(p)));
                in80 += Math.abs(a - p) <= intervals.halfWidth80() ? 1 : 0;
                in95 += Math.abs(a - p) <= intervals.halfWidth95() ? 1 : 0;
            }
            results.add(new AlgorithmBacktest(algorithm, validation.metrics(), ForecastMetrics.of(test.y(), predicted),
                    intervals, 100.0 * in80 / test.rows(), 100.0 * in95 / test.rows(), steps));
        }
        Algorithm champion = results.stream()
                .min(java.util.Comparator.comparingDouble(r -> r.validation().mapePercent()))
                .orElseThrow(() -> new IllegalArgumentException("no algorithm to backtest")).algorithm();
        return new BacktestResult(horizonDays, trainFrom, trainTo, testFrom, testTo, train.rows(), test.rows(),
                features.names(), champion, results);
    }

    /**
     * The metrics of an already trained forecaster over the days of [{@code from}, {@code to}] that have an energy and
     * the features the model needs, each day predicted as it would have been (lags read the series itself). This is
     * how a champion is judged on the same window as a challenger's backtest.
     */
    public ForecastMetrics evaluate(TrainedForecaster model, DailySeries series, LocalDate from, LocalDate to) {
        // Optional weather measures are imputed, never missing, so they do not change which days have a row: the
        // builder without them selects the same days the model's own builder would.
        var features = new FeatureBuilder(settings.features().withHorizon(model.horizonDays()));
        FeatureMatrix window = features.matrix(series, from, to);
        if (window.rows() == 0) {
            throw new IllegalArgumentException("no day between " + from + " and " + to
                    + " has both an energy and the features the model needs");
        }
        return ForecastMetrics.of(window.y(), predict(model.predictor(), series, window.dates()));
    }

    /** Validates every candidate, fits the best on the whole window and calibrates its intervals. */
    public TrainedForecaster train(DailySeries series, LocalDate trainFrom, LocalDate trainTo,
                                   List<Algorithm> candidates, int horizonDays) {
        var features = new FeatureBuilder(settings.features().withHorizon(horizonDays))
                .fittedTo(series, trainFrom, trainTo);
        FeatureMatrix train = features.matrix(series, trainFrom, trainTo);
        Map<String, Double> mapes = new LinkedHashMap<>();
        Algorithm best = null;
        Validation bestValidation = null;
        for (Algorithm algorithm : candidates) {
            Validation v = validate(algorithm, features, series, train);
            mapes.put(algorithm.id(), v.metrics().mapePercent());
            if (bestValidation == null || v.metrics().mapePercent() < bestValidation.metrics().mapePercent()) {
                best = algorithm;
                bestValidation = v;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no candidate algorithm");
        }
        return new TrainedForecaster(best, horizonDays, trainFrom, trainTo, train.rows(),
                fit(best, features, train), ConformalIntervals.fromResiduals(bestValidation.residuals()),
                bestValidation.metrics(), mapes);
    }

    /**
     * Forecasts the days of {@code future} (the days after the history's last known energy, at most the model's
     * horizon). A future day without a temperature gets the climatological normal, and its step says so; weather
     * measures a day lacks are imputed by the model's feature builder.
     */
    public List<ForecastStep> forecast(TrainedForecaster model, DailySeries history, List<DailyRecord> future) {
        var normals = new TemperatureClimatology(history, settings.climatologyWindowDays());
        var filled = new ArrayList<DailyRecord>();
        var bases = new ArrayList<WeatherBasis>();
        for (DailyRecord day : future) {
            if (day.hasTemperature()) {
                filled.add(day.withEnergy(Double.NaN));
                bases.add(WeatherBasis.FORECAST);
            } else {
                filled.add(DailyRecord.future(day.date(), normals.normal(day.date()), day.weather(), day.strike(),
                        day.strikerRatePercent()));
                bases.add(WeatherBasis.CLIMATOLOGY);
            }
        }
        DailySeries extended = history.with(filled);
        var steps = new ArrayList<ForecastStep>();
        ConformalIntervals intervals = model.intervals();
        for (int i = 0; i < filled.size(); i++) {
            DailyRecord day = filled.get(i);
            double p = model.predictor().predict(extended, day.date());
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("cannot forecast " + day.date() + ": its inputs are not known "
                        + "within the model's " + model.horizonDays() + "-day horizon");
            }
            steps.add(new ForecastStep(day.date(), p, intervals.lower80(p), intervals.upper80(p),
                    intervals.lower95(p), intervals.upper95(p), day.tempMeanC(), bases.get(i)));
        }
        return List.copyOf(steps);
    }

    /** Pooled validation of one algorithm over the expanding-window folds. */
    private Validation validate(Algorithm algorithm, FeatureBuilder features, DailySeries series, FeatureMatrix train) {
        var actual = new ArrayList<Double>();
        var predicted = new ArrayList<Double>();
        for (ExpandingWindowSplits.Split split : ExpandingWindowSplits.of(train.rows(), settings.cvFolds())) {
            Predictor p = fit(algorithm, features, train.slice(0, split.trainEnd()));
            FeatureMatrix validation = train.slice(split.trainEnd(), split.validationEnd());
            double[] values = predict(p, series, validation.dates());
            for (int i = 0; i < values.length; i++) {
                actual.add(validation.y()[i]);
                predicted.add(values[i]);
            }
        }
        double[] a = actual.stream().mapToDouble(Double::doubleValue).toArray();
        double[] p = predicted.stream().mapToDouble(Double::doubleValue).toArray();
        double[] residuals = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            residuals[i] = a[i] - p[i];
        }
        return new Validation(ForecastMetrics.of(a, p), residuals);
    }

    private record Validation(ForecastMetrics metrics, double[] residuals) {
    }

    Predictor fit(Algorithm algorithm, FeatureBuilder features, FeatureMatrix train) {
        var s = settings;
        int horizon = features.settings().horizonDays();
        return switch (algorithm) {
            case RIDGE -> regression(features, new RidgeRegressor(s.ridgeLambda()), train);
            case RANDOM_FOREST -> regression(features, new RandomForestRegressor(s.forestTrees(), s.forestMaxDepth(),
                    s.forestMaxNodes(), s.forestNodeSize()), train);
            case GRADIENT_BOOSTING -> regression(features, new GradientBoostingRegressor(s.boostingTrees(),
                    s.boostingMaxDepth(), s.boostingMaxNodes(), s.boostingNodeSize(), s.boostingShrinkage()), train);
            case PERSISTENCE -> new Predictor.Lag(horizon, Predictor.Climatology.fit(train, s.climatologyWindowDays()));
            case SAME_DAY_LAST_WEEK -> new Predictor.Lag(7 * (int) Math.ceil(horizon / 7.0),
                    Predictor.Climatology.fit(train, s.climatologyWindowDays()));
            case CLIMATOLOGY -> Predictor.Climatology.fit(train, s.climatologyWindowDays());
        };
    }

    private Predictor regression(FeatureBuilder features, Regressor regressor, FeatureMatrix train) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        return new Predictor.Regression(features, regressor.fit(features.names(), train.x(), train.y(),
                settings.seed()));
    }

    private static double[] predict(Predictor predictor, DailySeries series, List<LocalDate> dates) {
        double[] out = new double[dates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictor.predict(series, dates.get(i));
        }
        return out;
    }
}
