package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.StreamingDetector;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.anomaly.ScoreCombination;
import io.energywatch.anomaly.models.ChampionModels;
import io.energywatch.anomaly.models.ForestSchedule;
import io.energywatch.anomaly.models.LifecycleAnnouncer;
import io.energywatch.anomaly.models.ModelTrainer;
import io.energywatch.anomaly.models.ThresholdPolicy;
import io.energywatch.anomaly.models.TrainingFeedback;
import io.energywatch.anomaly.models.FrameHistory;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offline version of the demo's detection-quality step: feeds a simulation exported by ingestion-service's
 * {@code SimulationExport} (series.csv, labels.csv) through {@link SeriesDetectors} with the configuration the service
 * uses (the same code path as {@code DetectionListener}, without Kafka and stores) and prints recall per injected type
 * and precision per detected type exactly as {@code DetectionQualityStep} computes them. Never run by
 * {@code ./mvnw verify}.
 *
 * <p>Usage: {@code SimulatedDetectionEvaluation DIR [--with-weather] [--nab-defaults] [--forest] [--verbose]}.
 * {@code --forest} trains group forests in stream time as the service does ({@link ForestSchedule}: first after 14
 * days, then weekly, 28-day windows, contamination 0.01) and combines them with {@code -DforestAlone} (default the
 * service's 0.6; 0.5 is the plain maximum). {@code --no-weather}
 * drops every row's weather (what a row enriched before its day's weather arrived sees); {@code --nab-defaults} runs
 * {@link DetectorConfig#defaults()} (what {@code /detect} uses) instead of the service's configuration;
 * {@code --verbose} lists missed labels and wrong anomalies; {@code -Dew.<group>.<setting>=value} (e.g.
 * {@code -Dew.alarm.z=6}) overrides one setting of the preset (see {@link #withOverrides}).
 */
public final class SimulatedDetectionEvaluation {

    private static final String[] TYPES = {"SPIKE", "DROP", "STUCK_METER", "LEVEL_SHIFT", "GRADUAL_DRIFT"};

    record Label(String seriesId, String type, Instant start, Instant end, double magnitude) {
        boolean covers(String series, Instant at) {
            return seriesId.equals(series) && !at.isBefore(start) && at.isBefore(end);
        }
    }

    record Found(String seriesId, Instant at, String type, double score, boolean byForest) {
    }

    /** Per-type counts: recall[found, injected] and precision[right, detected]. */
    record Quality(Map<String, int[]> recall, Map<String, int[]> precision, int detected) {

        double recallOf(String type) {
            int[] r = recall.getOrDefault(type, new int[2]);
            return r[1] == 0 ? Double.NaN : r[0] / (double) r[1];
        }

        double precisionOf(String type) {
            int[] p = precision.getOrDefault(type, new int[2]);
            return p[1] == 0 ? Double.NaN : p[0] / (double) p[1];
        }
    }

    private SimulatedDetectionEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SimulatedDetectionEvaluation DIR [--no-weather] [--nab-defaults] [--verbose]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<String> options = List.of(args).subList(1, args.length);
        boolean weather = options.contains("--with-weather");
        DetectorConfig config = withOverrides(options.contains("--nab-defaults") ? "nab" : "consumption");
        List<Label> labels = readLabels(dir.resolve("labels.csv"));
        long started = System.nanoTime();
        Map<String, List<Detection>> trace = options.contains("--verbose") ? new HashMap<>() : null;
        boolean forest = options.contains("--forest");
        var combination = new ScoreCombination(Double.parseDouble(System.getProperty("forestAlone", "0.6")));
        List<Found> found = detect(dir.resolve("series.csv"), config, weather, trace, forest ? combination : null);
        double seconds = (System.nanoTime() - started) / 1e9;
        Quality q = quality(labels, found);
        System.out.printf(Locale.ROOT, "%d injected anomalies, %d detected (%s, weather %s, %s, %.1f s)%n",
                labels.size(), found.size(),
                options.contains("--nab-defaults") ? "DetectorConfig.defaults()" : "service config",
                weather ? "on" : "off", forest ? "forest alone at " + combination.forestAlone() : "no forest",
                seconds);
        System.out.println("| injected type | found / injected | recall | detected as | right / detected | precision |");
        System.out.println("|---|---|---|---|---|---|");
        for (String type : TYPES) {
            int[] r = q.recall().getOrDefault(type, new int[2]);
            int[] p = q.precision().getOrDefault(type, new int[2]);
            System.out.printf(Locale.ROOT, "| %s | %d / %d | %s | %s | %d / %d | %s |%n", type, r[0], r[1], ratio(r),
                    type, p[0], p[1], ratio(p));
        }
        if (forest) {
            System.out.printf(Locale.ROOT, "scored by a forest (its score the higher): %d of %d detections%n",
                    found.stream().filter(Found::byForest).count(), found.size());
        }
        if (options.contains("--verbose")) {
            for (Label l : labels) {
                boolean hit = found.stream().anyMatch(a -> l.covers(a.seriesId(), a.at()));
                if (!hit) {
                    Detection best = trace.get(l.seriesId()).stream()
                            .filter(d -> l.covers(l.seriesId(), d.timestamp()))
                            .max(java.util.Comparator.comparingDouble(Detection::strength)).orElseThrow();
                    System.out.printf(Locale.ROOT, "missed %s %s %s..%s magnitude %.3f; strongest row %s: value %.1f,"
                                    + " expected %.1f, scale %.1f, z %.2f, strength %.3f, score %.3f%n", l.type(),
                            l.seriesId(), l.start(), l.end(), l.magnitude(), best.timestamp(), best.value(),
                            best.expected(), best.features().scale(), best.features().residualZ(), best.strength(),
                            best.score());
                }
            }
            for (Found a : found) {
                if (labels.stream().noneMatch(l -> l.covers(a.seriesId(), a.at()))) {
                    System.out.printf(Locale.ROOT, "wrong %s %s %s score %.3f%n", a.type(), a.seriesId(), a.at(),
                            a.score());
                }
            }
        }
    }

    /** Recall and precision exactly as the demo's {@code DetectionQualityStep} computes them. */
    static Quality quality(List<Label> labels, List<Found> found) {
        Map<String, int[]> recall = new TreeMap<>();
        for (Label l : labels) {
            int[] r = recall.computeIfAbsent(l.type(), t -> new int[2]);
            r[1]++;
            if (found.stream().anyMatch(a -> l.covers(a.seriesId(), a.at()))) {
                r[0]++;
            }
        }
        Map<String, int[]> precision = new TreeMap<>();
        for (Found a : found) {
            int[] p = precision.computeIfAbsent(a.type(), t -> new int[2]);
            p[1]++;
            if (labels.stream().anyMatch(l -> l.covers(a.seriesId(), a.at()))) {
                p[0]++;
            }
        }
        return new Quality(recall, precision, found.size());
    }

    /**
     * The anomalies {@link SeriesDetectors} reports over the exported series; when {@code trace} is given, every row's
     * {@link Detection} from a twin detector of the same configuration (identical without a forest), by series.
     */
    static List<Found> detect(Path seriesCsv, DetectorConfig config, boolean withWeather,
                              Map<String, List<Detection>> trace, ScoreCombination forests) throws IOException {
        Map<String, StreamingDetector> twins = new HashMap<>();
        var registry = new LocalModelRegistry(Files.createTempDirectory("ew-sim-eval"));
        var champions = new ChampionModels(registry);
        var frames = new FrameHistory(50_000);
        ForestSchedule schedule = null;
        if (forests != null) {
            var trainer = new ModelTrainer(frames, registry, champions, TrainingFeedback.NONE,
                    LifecycleAnnouncer.SILENT, new ThresholdPolicy(0.01, 0.001), 200, Period.ofDays(28),
                    Clock.systemUTC());
            schedule = new ForestSchedule(trainer, r -> { }, Period.ofDays(14), Period.ofDays(7));
        }
        var detectors = new SeriesDetectors(config, champions, frames, schedule,
                forests == null ? ScoreCombination.MAX : forests, new AnomalyFactory(100.0), 512, Clock.systemUTC());
        var lineage = new Lineage("simulator", null, null, Instant.parse("2024-04-01T00:00:00Z"));
        Map<String, SeriesId> ids = new HashMap<>();
        List<Found> found = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(seriesCsv)) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("series_id,region,interval_start")) {
                throw new IOException(seriesCsv + " is not a SimulationExport series file");
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] c = line.split(",", -1);
                SeriesId series = ids.computeIfAbsent(c[0], SeriesId::parse);
                var measured = ConsumptionMeasured.of(series, c[1], Instant.parse(c[2]), Instant.parse(c[3]),
                        Double.parseDouble(c[4]), MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(), lineage);
                LocalDate date = LocalDate.parse(c[5]);
                boolean hasWeather = withWeather && !c[6].isEmpty();
                var weather = hasWeather
                        ? new ConsumptionEnriched.WeatherContext(false, null, null, Double.parseDouble(c[6]), null,
                        null, null, null, Double.parseDouble(c[7]), Double.parseDouble(c[8]), "region", List.of("sim"))
                        : new ConsumptionEnriched.WeatherContext(true, null, null, null, null, null, null, null, null,
                        null, null, List.of());
                boolean strike = Boolean.parseBoolean(c[11]);
                var event = new ConsumptionEnriched(null, measured, date, weather,
                        new ConsumptionEnriched.CalendarContext(date.getDayOfWeek(), Boolean.parseBoolean(c[10]),
                                Boolean.parseBoolean(c[9]), null, false, null),
                        strike ? new ConsumptionEnriched.SocialContext(true, null, List.of(), List.of("sim"))
                                : ConsumptionEnriched.SocialContext.none());
                if (trace != null) {
                    trace.computeIfAbsent(c[0], k -> new ArrayList<>()).add(twins
                            .computeIfAbsent(c[0], k -> new StreamingDetector(config)).next(Observation.from(event)));
                }
                detectors.score(event).ifPresent((AnomalyDetected a) -> found.add(new Found(a.seriesId(),
                        a.intervalStart(), a.type().name(), a.score(),
                        !a.modelId().equals(SeriesDetectors.STREAMING_MODEL_ID))));
            }
        }
        return found;
    }

    static List<Label> readLabels(Path labelsCsv) throws IOException {
        List<Label> labels = new ArrayList<>();
        List<String> lines = Files.readAllLines(labelsCsv);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            labels.add(new Label(c[0], c[1], Instant.parse(c[2]), Instant.parse(c[3]), Double.parseDouble(c[4])));
        }
        return labels;
    }

    /** The preset with the settings given as {@code -Dew.<group>.<setting>=value}, for ablations. */
    static DetectorConfig withOverrides(String preset) {
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("ew.")).sorted()
                .forEach(n -> System.out.println("override " + n.substring(3) + " = " + System.getProperty(n)));
        return DetectorPresets.load(preset, System.getProperties(), "ew.");
    }

    private static String ratio(int[] counts) {
        return counts[1] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", counts[0] / (double) counts[1]);
    }
}
