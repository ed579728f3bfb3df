package io.energywatch.ingestion.bench;

import io.energywatch.analytics.calendar.BridgeDays;
import io.energywatch.analytics.calendar.FrenchHolidays;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.WeatherObserved;
import io.energywatch.ingestion.simulator.InjectedAnomaly;
import io.energywatch.ingestion.simulator.SimulationRequest;
import io.energywatch.ingestion.simulator.Simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a simulation's half-hourly series with the context fusion would give each row, and its labels, to two CSV
 * files, so anomaly-service's offline evaluation ({@code SimulatedDetectionEvaluation}) can score it without depending
 * on this module. Never run by {@code ./mvnw verify}.
 *
 * <p>Usage: {@code SimulationExport OUT_DIR [SEED FROM TO]} (defaults: 42, 2024-01-01, 2024-03-31, the demo's run).
 * Writes {@code OUT_DIR/series.csv} ({@code series_id,region,interval_start,interval_end,power_mw,local_date,
 * temp_mean_c,hdd,cdd,holiday,weekend,strike}) and {@code OUT_DIR/labels.csv} ({@code series_id,type,start,end,
 * magnitude}; half-hourly labels only, as the demo's detection step keeps).
 *
 * <p>The context mirrors fusion-service's defaults: the region's weather of the local day, HDD = max(0, 18 − Tmean) and
 * CDD = max(0, Tmean − 22) rounded to 2 decimals, weekend and public holiday from analytics-core's calendar, strike when
 * a national movement or one of the region covers the day. The weather is the simulator's own, so every row has it; on
 * the live stack a row enriched before its day's weather arrived has none.
 */
public final class SimulationExport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final double HEATING_BASE_C = 18.0;
    private static final double COOLING_BASE_C = 22.0;

    private SimulationExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 4) {
            System.err.println("usage: SimulationExport OUT_DIR [SEED FROM TO]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long seed = args.length == 4 ? Long.parseLong(args[1]) : 42;
        LocalDate from = args.length == 4 ? LocalDate.parse(args[2]) : LocalDate.parse("2024-01-01");
        LocalDate to = args.length == 4 ? LocalDate.parse(args[3]) : LocalDate.parse("2024-03-31");
        Files.createDirectories(out);
        // The request ingestion-service's simulation endpoint builds (both resolutions); daily rows are not written.
        var simulator = new Simulator(SimulationRequest.of(seed, from, to));
        List<SocialMovementDeclared> movements = new ArrayList<>(simulator.movements());
        Map<String, Double> temperature = new HashMap<>();
        long[] rows = {0};
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("series.csv"))) {
            w.write("series_id,region,interval_start,interval_end,power_mw,local_date,temp_mean_c,hdd,cdd,holiday,"
                    + "weekend,strike\n");
            simulator.forEach(event -> {
                if (event instanceof WeatherObserved weather && weather.tempMeanC() != null) {
                    temperature.put(weather.regionCode() + "|" + weather.date(), weather.tempMeanC());
                } else if (event instanceof ConsumptionMeasured m && m.powerMw() != null
                        && m.seriesId().endsWith(":PT30M")) {
                    LocalDate date = m.intervalStart().atZone(PARIS).toLocalDate();
                    Double t = temperature.get(m.regionCode() + "|" + date);
                    boolean strike = movements.stream().anyMatch(s -> s.covers(date, m.regionCode()));
                    String line = String.join(",", m.seriesId(), m.regionCode(), m.intervalStart().toString(),
                            m.intervalEnd().toString(), Double.toString(m.powerMw()), date.toString(),
                            t == null ? "" : Double.toString(t),
                            t == null ? "" : Double.toString(round2(Math.max(0, HEATING_BASE_C - t))),
                            t == null ? "" : Double.toString(round2(Math.max(0, t - COOLING_BASE_C))),
                            Boolean.toString(FrenchHolidays.isHoliday(date)),
                            Boolean.toString(BridgeDays.isWeekend(date)), Boolean.toString(strike));
                    try {
                        w.write(line);
                        w.write('\n');
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    rows[0]++;
                }
            });
        }
        int labels = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("labels.csv"))) {
            w.write("series_id,type,start,end,magnitude\n");
            for (InjectedAnomaly label : simulator.labels()) {
                if (label.seriesId().endsWith(":PT30M")) {
                    w.write(String.join(",", label.seriesId(), label.type().name(), label.start().toString(),
                            label.end().toString(), String.format(Locale.ROOT, "%.4f", label.magnitude())));
                    w.write('\n');
                    labels++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "seed %d, %s..%s: %d half-hourly rows, %d labels -> %s%n", seed, from, to,
                rows[0], labels, out.toAbsolutePath());
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
