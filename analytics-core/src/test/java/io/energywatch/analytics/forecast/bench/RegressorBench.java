package io.energywatch.analytics.forecast.bench;

import io.energywatch.analytics.forecast.ForecastEngineSettings;
import io.energywatch.analytics.forecast.GradientBoostingRegressor;
import io.energywatch.analytics.forecast.RandomForestRegressor;
import io.energywatch.analytics.forecast.Regressor;
import io.energywatch.analytics.forecast.RidgeRegressor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training seconds and prediction rows/s of each forecasting algorithm on 100,000 rows, with the engine's default
 * settings. The rows have the shape of the daily features (degree days, calendar flags, strikes, lags, rolling mean)
 * and a target that depends on them non-linearly plus noise, seeded. Not part of {@code ./mvnw verify}; run with
 * {@code bench/run forecast [ROWS]}.
 */
public final class RegressorBench {

    private RegressorBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var names = List.of("hdd", "cdd", "temp_mean", "weekend", "holiday", "bridge", "strike", "striker_rate",
                "day_of_year_sin", "day_of_year_cos", "lag_1", "lag_7", "lag_14", "rolling_mean_7");
        double[][] x = new double[rows][names.size()];
        double[] y = new double[rows];
        var random = new Random(42);
        for (int i = 0; i < rows; i++) {
            double t = 12 + 8 * Math.sin(2 * Math.PI * i / 365.0) + random.nextGaussian() * 3;
            boolean weekend = i % 7 >= 5;
            double[] r = x[i];
            r[0] = Math.max(0, 18 - t);
            r[1] = Math.max(0, t - 22);
            r[2] = t;
            r[3] = weekend ? 1 : 0;
            r[4] = random.nextDouble() < 0.03 ? 1 : 0;
            r[5] = random.nextDouble() < 0.01 ? 1 : 0;
            r[6] = random.nextDouble() < 0.02 ? 1 : 0;
            r[7] = r[6] * 30 * random.nextDouble();
            r[8] = Math.sin(2 * Math.PI * i / 365.0);
            r[9] = Math.cos(2 * Math.PI * i / 365.0);
            double level = 1_300_000 + 45_000 * r[0] + 12_000 * r[1] * r[1] - 120_000 * r[3] - 90_000 * r[4]
                    - 1_500 * r[7];
            r[10] = level * (1 + random.nextGaussian() * 0.02);
            r[11] = level * (1 + random.nextGaussian() * 0.03);
            r[12] = level * (1 + random.nextGaussian() * 0.03);
            r[13] = level * (1 + random.nextGaussian() * 0.01);
            y[i] = level * (1 + random.nextGaussian() * 0.015);
        }
        var s = ForecastEngineSettings.defaults();
        List<Regressor> regressors = List.of(new RidgeRegressor(s.ridgeLambda()),
                new RandomForestRegressor(s.forestTrees(), s.forestMaxDepth(), s.forestMaxNodes(), s.forestNodeSize()),
                new GradientBoostingRegressor(s.boostingTrees(), s.boostingMaxDepth(), s.boostingMaxNodes(),
                        s.boostingNodeSize(), s.boostingShrinkage()));
        List<String> lines = new ArrayList<>();
        for (Regressor regressor : regressors) {
            long start = System.nanoTime();
            Regressor.Fitted model = regressor.fit(names, x, y, 42);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            double checksum = 0;
            for (int warm = 0; warm < Math.min(rows, 20_000); warm++) {
                checksum += model.predict(x[warm]);
            }
            start = System.nanoTime();
            for (double[] row : x) {
                checksum += model.predict(row);
            }
            double predictRate = rows / ((System.nanoTime() - start) / 1e9);
            lines.add(String.format("%-28s %10.2f %16.0f   (checksum %.3e)", regressor.getClass().getSimpleName(),
                    trainSeconds, predictRate, checksum));
        }
        System.out.printf("%,d rows x %d features, default settings (%s)%n", rows, names.size(), s);
        System.out.printf("%-28s %10s %16s%n", "algorithm", "train s", "predict rows/s");
        lines.forEach(System.out::println);
    }
}
