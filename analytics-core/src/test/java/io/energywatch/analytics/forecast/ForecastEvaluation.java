package io.energywatch.analytics.forecast;

import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forecasting evaluation command behind docs/evaluation.md: backtests every algorithm and baseline on (1) national
 * daily electricity from the ODRÉ derived file with the population-weighted ODRÉ regional temperature and SNCF strikes,
 * and (2) GRTgaz Île-de-France gas from the seed file with its social-movement flag. Not a test: run it with the test
 * classpath, {@code java -cp ... io.energywatch.analytics.forecast.ForecastEvaluation ../shared/datasets}.
 */
public final class ForecastEvaluation {

    private static final List<Algorithm> ALL = List.of(Algorithm.values());

    private ForecastEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path datasets = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        if (!Files.isDirectory(datasets)) {
            System.out.println("no datasets at " + datasets + ": nothing to evaluate");
            return;
        }
        Map<LocalDate, DayTemperature> nationalTemp = populationWeightedTemperature(
                datasets.resolve("fr_weather/temperature-quotidienne-regionale.csv"), null);
        Map<LocalDate, Double> strikes = strikerRates(
                datasets.resolve("sncf_strikes/mouvements-sociaux-depuis-2002_nantesmetropole.csv"));
        DailySeries electricity = nationalElectricity(
                datasets.resolve("fr_national_conso_odre/france_daily_elec_gas_2012-2022_DERIVED.csv"), nationalTemp,
                strikes);
        var engine = new ForecastEngine(ForecastEngineSettings.defaults());
        // Temperatures start on 2016-01-01: training uses 2016-2021 only (rows need a known temperature).
        for (int horizon : new int[] {1, 7, 30}) {
            long start = System.nanoTime();
            BacktestResult r = engine.backtest(electricity, LocalDate.of(2016, 1, 1), LocalDate.of(2021, 12, 31),
                    LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), ALL, horizon);
            print("National electricity (ODRÉ), train 2016-2021, test 2022, horizon " + horizon + " d", r,
                    (System.nanoTime() - start) / 1e9);
        }

        DailySeries gas = seedGas(datasets.resolve("seed_detectionanomalie"), "GRTgaz", "île-de-france",
                populationWeightedTemperature(datasets.resolve("fr_weather/temperature-quotidienne-regionale.csv"),
                        "11"));
        var gasEngine = new ForecastEngine(ForecastEngineSettings.defaults()
                .withFeatures(new FeatureSettings(15.0, 18.0, Regions.require("11").latitude(), 1)));
        for (int horizon : new int[] {1, 7}) {
            long start = System.nanoTime();
            BacktestResult r = gasEngine.backtest(gas, LocalDate.of(2018, 6, 1), LocalDate.of(2022, 12, 31),
                    LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), ALL, horizon);
            print("Gas GRTgaz Île-de-France (seed), train 2018-06..2022, test 2023..2024-08, horizon " + horizon
                    + " d", r, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void print(String title, BacktestResult r, double seconds) {
        System.out.printf("%n### %s%n%d training rows, %d test rows, champion by validation MAPE: %s (%.1f s)%n%n",
                title, r.trainRows(), r.testRows(), r.champion().id(), seconds);
        System.out.println("| algorithm | validation MAPE % | test MAPE % | sMAPE % | MAE MWh | RMSE MWh | R² "
                + "| 80% coverage | 95% coverage |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (AlgorithmBacktest a : r.algorithms()) {
            System.out.printf("| %s%s | %.2f | %.2f | %.2f | %,.0f | %,.0f | %.3f | %.0f%% | %.0f%% |%n",
                    a.algorithm().id(), a.algorithm() == r.champion() ? " (champion)" : "",
                    a.validation().mapePercent(), a.test().mapePercent(), a.test().smapePercent(), a.test().mae(),
                    a.test().rmse(), a.test().r2(), a.coverage80Percent(), a.coverage95Percent());
        }
        AlgorithmBacktest champion = r.of(r.champion());
        double bias = champion.steps().stream().mapToDouble(BacktestStep::errorMwh).average().orElse(Double.NaN);
        System.out.printf("champion mean error (actual − predicted): %,.0f MWh/day%n", bias);
        var byMonth = new TreeMap<Integer, double[]>();
        for (BacktestStep s : champion.steps()) {
            double[] acc = byMonth.computeIfAbsent(s.date().getMonthValue(), m -> new double[3]);
            acc[0] += s.errorMwh() / s.actualMwh();
            acc[1] += Math.abs(s.errorMwh() / s.actualMwh());
            acc[2]++;
        }
        System.out.print("champion by month (mean % error / MAPE %):");
        byMonth.forEach((m, acc) -> System.out.printf(" %d: %+.1f/%.1f", m, 100 * acc[0] / acc[2],
                100 * acc[1] / acc[2]));
        System.out.println();
    }

    /** The ODRÉ derived file: date, elec_mean_MW, elec_n, gas_mean_MW, gas_n, elec_GWh, gas_GWh. */
    static DailySeries nationalElectricity(Path file, Map<LocalDate, DayTemperature> temperature,
                                           Map<LocalDate, Double> strikes) throws IOException {
        var records = new ArrayList<DailyRecord>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LocalDate d = LocalDate.parse(f[0]);
            // A day with fewer than 46 half-hours is incomplete; its energy is unknown, not low.
            double energy = f[5].isEmpty() || Integer.parseInt(f[2]) < 46 ? Double.NaN
                    : Double.parseDouble(f[5]) * 1000;
            Double rate = strikes.get(d);
            DayTemperature t = temperature.getOrDefault(d, DayTemperature.UNKNOWN);
            records.add(new DailyRecord(d, energy, t.meanC(), rate != null, rate == null ? 0 : rate, t.weather()));
        }
        return DailySeries.of(records);
    }

    /** A day's mean, minimum and maximum temperature, °C; NaN when unknown. */
    record DayTemperature(double meanC, double minC, double maxC) {

        static final DayTemperature UNKNOWN = new DayTemperature(Double.NaN, Double.NaN, Double.NaN);

        DailyWeather weather() {
            return DailyWeather.extremes(minC, maxC);
        }
    }

    /**
     * ODRÉ daily regional temperatures (TMin, TMax, TMoy): the population-weighted means of the regions present that
     * day, or one region's temperatures when {@code regionCode} is given.
     */
    static Map<LocalDate, DayTemperature> populationWeightedTemperature(Path file, String regionCode)
            throws IOException {
        var sum = new HashMap<LocalDate, double[]>();
        var format = DateTimeFormatter.ofPattern("dd/MM/yy");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            if (f.length < 7 || f[6].isBlank()) {
                continue;
            }
            Region region = Regions.byCode(f[2]).orElse(null);
            if (region == null || regionCode != null && !region.code().equals(regionCode)) {
                continue;
            }
            LocalDate d = LocalDate.parse(f[1], format);
            double[] acc = sum.computeIfAbsent(d, k -> new double[5]);
            acc[0] += region.population() * Double.parseDouble(f[6]);
            acc[1] += region.population();
            // The extremes are averaged over the regions that give both, the mean over those that give it.
            if (!f[4].isBlank() && !f[5].isBlank()) {
                acc[2] += region.population() * Double.parseDouble(f[4]);
                acc[3] += region.population() * Double.parseDouble(f[5]);
                acc[4] += region.population();
            }
        }
        var out = new HashMap<LocalDate, DayTemperature>();
        sum.forEach((d, acc) -> out.put(d, new DayTemperature(acc[0] / acc[1],
                acc[4] == 0 ? Double.NaN : acc[2] / acc[4], acc[4] == 0 ? Double.NaN : acc[3] / acc[4])));
        return out;
    }

    /** SNCF strikes: each day of [start, end] (end empty = one day) with the highest striker rate, percent. */
    static Map<LocalDate, Double> strikerRates(Path file) throws IOException {
        var out = new HashMap<LocalDate, Double>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            if (f.length < 2 || !f[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
                continue;
            }
            LocalDate from = LocalDate.parse(f[0]);
            LocalDate to = f[1].matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(f[1]) : from;
            String last = f[f.length - 1].trim();
            double rate = last.matches("[0-9.]+") ? Double.parseDouble(last) : 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.merge(d, rate, Math::max);
            }
        }
        return out;
    }

    /** The seed file's daily gas of one operator and region, with its social-movement flag (no striker rate). */
    static DailySeries seedGas(Path folder, String operator, String region, Map<LocalDate, DayTemperature> temperature)
            throws IOException {
        var records = new ArrayList<DailyRecord>();
        for (String part : List.of("df_part1.csv", "df_part2.csv", "df_part3.csv")) {
            List<String> lines = Files.readAllLines(folder.resolve(part), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (!f[1].equals(operator) || !f[3].equals(region)) {
                    continue;
                }
                LocalDate d = LocalDate.parse(f[0]);
                double energy = f[28].isEmpty() ? Double.NaN : Double.parseDouble(f[28]);
                boolean movement = f[30].equalsIgnoreCase("True");
                DayTemperature t = temperature.getOrDefault(d, DayTemperature.UNKNOWN);
                records.add(new DailyRecord(d, energy, t.meanC(), movement, 0, t.weather()));
            }
        }
        return DailySeries.of(records);
    }
}
