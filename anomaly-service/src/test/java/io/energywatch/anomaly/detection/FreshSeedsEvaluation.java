package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.ensemble.EnsembleConfig;
import io.energywatch.analytics.ensemble.EnsembleDetector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator half of the evaluation protocol: the detection-quality table of {@link SimulatedDetectionEvaluation}
 * on several exported seeds, each seed's recall and precision per type and their mean over the seeds. The protocol
 * keeps two sets apart: tuning seeds (42 and 7, the only ones any setting may be chosen on) and the ten fresh seeds
 * 1001–1010, exported for this protocol and never used to choose anything (docs/evaluation.md). Not a test.
 *
 * <p>Usage: {@code FreshSeedsEvaluation DIR_PREFIX SEEDS [--with-weather] [--detector=streaming|ensemble]
 * [--alarm-probability=P]}, where the seed {@code s} was exported to {@code DIR_PREFIX + s} by ingestion-service's
 * {@code SimulationExport} and SEEDS is a list ({@code 42,7}) or a range ({@code 1001-1010}). {@code streaming} is the
 * service's stream path ({@link SeriesDetectors} with the consumption preset); {@code ensemble} is
 * {@link EnsembleDetector} around the same streaming configuration.
 */
public final class FreshSeedsEvaluation {

    static final String[] TYPES = {"SPIKE", "DROP", "STUCK_METER", "LEVEL_SHIFT", "GRADUAL_DRIFT"};

    private FreshSeedsEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: FreshSeedsEvaluation DIR_PREFIX SEEDS [--with-weather] "
                    + "[--detector=streaming|ensemble] [--alarm-probability=P]");
            System.exit(2);
        }
        List<String> options = List.of(args).subList(2, args.length);
        boolean weather = options.contains("--with-weather");
        String detector = option(options, "--detector=", "streaming");
        DetectorConfig streaming = DetectorConfig.consumption();
        EnsembleConfig ensemble = ensembleFor(streaming,
                Double.parseDouble(option(options, "--alarm-probability=", "1e-5")));
        System.out.printf(Locale.ROOT, "detector %s%s, weather %s%n", detector,
                detector.equals("ensemble") ? " (alarm probability " + ensemble.alarmProbability() + ")" : "",
                weather ? "on" : "off");
        System.out.println("| seed | " + String.join(" | ", TYPES) + " |");
        System.out.println("|---|---|---|---|---|---|");
        double[][] sums = new double[TYPES.length][2];
        int[][] counted = new int[TYPES.length][2];
        int[][][] pooled = new int[TYPES.length][2][2];
        for (long seed : seeds(args[1])) {
            Path dir = Path.of(args[0] + seed);
            var labels = SimulatedDetectionEvaluation.readLabels(dir.resolve("labels.csv"));
            List<SimulatedDetectionEvaluation.Found> found = detector.equals("ensemble")
                    ? ensemble(dir.resolve("series.csv"), ensemble, weather)
                    : SimulatedDetectionEvaluation.detect(dir.resolve("series.csv"), streaming, weather, null, null);
            var q = SimulatedDetectionEvaluation.quality(labels, found);
            var line = new StringBuilder("| " + seed);
            for (int t = 0; t < TYPES.length; t++) {
                double r = q.recallOf(TYPES[t]);
                double p = q.precisionOf(TYPES[t]);
                line.append(String.format(Locale.ROOT, " | %s / %s", ratio(r), ratio(p)));
                accumulate(sums[t], counted[t], r, p);
                int[] rc = q.recall().getOrDefault(TYPES[t], new int[2]);
                int[] pc = q.precision().getOrDefault(TYPES[t], new int[2]);
                for (int k = 0; k < 2; k++) {
                    pooled[t][0][k] += rc[k];
                    pooled[t][1][k] += pc[k];
                }
            }
            System.out.println(line.append(" |"));
        }
        var mean = new StringBuilder("| **mean**");
        var total = new StringBuilder("| pooled");
        for (int t = 0; t < TYPES.length; t++) {
            mean.append(String.format(Locale.ROOT, " | **%s / %s**", ratio(sums[t][0] / counted[t][0]),
                    ratio(sums[t][1] / counted[t][1])));
            total.append(String.format(Locale.ROOT, " | %d/%d, %d/%d", pooled[t][0][0], pooled[t][0][1],
                    pooled[t][1][0], pooled[t][1][1]));
        }
        System.out.println(mean.append(" |"));
        System.out.println(total.append(" |"));
        System.out.println("(each cell: recall / precision; a seed without detections of a type has no precision and "
                + "is left out of that mean; pooled: found/injected, right/detected)");
    }

    /** The ensemble for consumption series: the stream's streaming configuration and the NAB-chosen members. */
    static EnsembleConfig ensembleFor(DetectorConfig streaming, double alarmProbability) {
        EnsembleConfig base = EnsembleConfig.defaults().withStreaming(streaming);
        return new EnsembleConfig(streaming, base.members(), base.forest(), base.entropy(), base.calibrationRows(),
                base.minCalibrationRows(), alarmProbability, streaming.episode().halfLife(),
                base.episodeEscalation(), base.episodeDamping());
    }

    /** The anomalies of one {@link EnsembleDetector} per series over an exported simulation. */
    static List<SimulatedDetectionEvaluation.Found> ensemble(Path seriesCsv, EnsembleConfig config,
                                                             boolean withWeather) throws IOException {
        Map<String, EnsembleDetector> detectors = new HashMap<>();
        List<SimulatedDetectionEvaluation.Found> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(seriesCsv);
        // The columns SimulationExport writes: series_id,region,interval_start,interval_end,power_mw,local_date,
        // temp_mean_c,hdd,cdd,holiday,weekend,strike.
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            boolean hasWeather = withWeather && !c[6].isEmpty();
            // The same observation Observation.from makes of the enriched event the stream path builds.
            var o = new Observation(Instant.parse(c[2]), Double.parseDouble(c[4]),
                    hasWeather ? Double.parseDouble(c[7]) : null, hasWeather ? Double.parseDouble(c[8]) : null,
                    Boolean.parseBoolean(c[9]), Boolean.parseBoolean(c[10]), Boolean.parseBoolean(c[11]));
            Detection d = detectors.computeIfAbsent(c[0], k -> new EnsembleDetector(config)).next(o);
            if (d.anomaly()) {
                found.add(new SimulatedDetectionEvaluation.Found(c[0], o.timestamp(), d.type().name(), d.score(),
                        false));
            }
        }
        return found;
    }

    static List<Long> seeds(String spec) {
        List<Long> seeds = new ArrayList<>();
        for (String part : spec.split(",")) {
            int dash = part.indexOf('-');
            if (dash > 0) {
                for (long s = Long.parseLong(part.substring(0, dash)); s <= Long.parseLong(part.substring(dash + 1));
                     s++) {
                    seeds.add(s);
                }
            } else {
                seeds.add(Long.parseLong(part));
            }
        }
        return seeds;
    }

    private static void accumulate(double[] sums, int[] counted, double recall, double precision) {
        if (!Double.isNaN(recall)) {
            sums[0] += recall;
            counted[0]++;
        }
        if (!Double.isNaN(precision)) {
            sums[1] += precision;
            counted[1]++;
        }
    }

    private static String option(List<String> options, String prefix, String otherwise) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst()
                .orElse(otherwise);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
