package io.energywatch.analytics.anomaly;

import io.energywatch.analytics.nab.NabCorpus;
import io.energywatch.analytics.nab.NabSeries;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Score equality of the detector with the golden files recorded before its refactoring: every row's score, strength,
 * flags, type, severity, expectation, features and explanation, bit for bit, on a generated corpus (always) and on the
 * NAB corpus (when the shared datasets are there). Each (configuration, series) pair is one line: its row count, its
 * anomaly count, a SHA-256 of every row and one short hash per block of 500 rows (so a failure shows where the scores
 * first moved). {@code -Dgolden.write=true} rewrites the files from the current detector: only for a change that is
 * meant to move scores.
 */
class DetectorGoldenTest {

    private static final String GENERATED = "detector-golden.txt";
    private static final String NAB = "detector-golden-nab.txt";
    private static final String RANDOM = "detector-golden-random.txt";
    /** Random cases: enough to reach the boundaries the hand-made series miss, in about a second. */
    private static final int RANDOM_CASES = 200;
    private static final int BLOCK = 500;

    /** The generated corpus under both presets and a third configuration that turns on what they leave off. */
    private static Map<String, DetectorConfig> configurations() {
        return Map.of(
                "nab", DetectorConfig.defaults(),
                "consumption", DetectorConfig.consumption(),
                "mixed", DetectorConfig.consumption()
                        .with(new DetectorConfig.Timing(ZoneId.of("Europe/Paris"), 60, 5, 48, Duration.ofDays(3)))
                        .with(new DetectorConfig.Scales(96, 1024, 0.005, 2048, 0.995))
                        .with(new DetectorConfig.Seasonal(6, 7, 3, 2, 0.0, 7.0, Duration.ofDays(1)))
                        .with(new DetectorConfig.Stuck(6, 4.0, 3, false))
                        .with(new DetectorConfig.Density(24, 4.0)));
    }

    /** A stand-in group forest, so the golden rows also cover the score combination. */
    private static StreamingDetector detector(String name, DetectorConfig config) {
        if (!name.equals("mixed")) {
            return new StreamingDetector(config);
        }
        GroupScorer scorer = frame -> frame.has(Feature.ROLLING_Z)
                ? Math.min(1, Math.abs(frame.get(Feature.ROLLING_Z)) / 12) : Double.NaN;
        return new StreamingDetector(config, scorer, new ScoreCombination(0.8));
    }

    @Test
    void theDetectorScoresTheGeneratedCorpusExactlyAsRecorded() throws IOException {
        var lines = new ArrayList<String>();
        var configurations = configurations();
        for (String name : List.of("nab", "consumption", "mixed")) {
            for (GoldenCorpus.Series series : GoldenCorpus.all()) {
                var detector = detector(name, configurations.get(name));
                lines.add(line(name, series.name(), series.rows().stream().map(detector::next).toList()));
            }
        }
        check(GENERATED, lines);
    }

    @Test
    void theDetectorScoresRandomConfigurationsAndSeriesExactlyAsRecorded() throws IOException {
        var lines = new ArrayList<String>();
        for (GoldenCorpus.RandomCase c : GoldenCorpus.randomCases(RANDOM_CASES)) {
            var detector = new StreamingDetector(c.config());
            lines.add(line("random", c.name(), c.rows().stream().map(detector::next).toList()));
        }
        check(RANDOM, lines);
    }

    @Test
    void theDetectorScoresTheNabCorpusExactlyAsRecorded() throws IOException {
        String datasets = System.getProperty("energywatch.datasets");
        assumeTrue(datasets != null && Files.isDirectory(Path.of(datasets, "nab")),
                "NAB corpus not found: set energywatch.datasets to the shared datasets directory");
        var lines = new ArrayList<String>();
        for (NabSeries series : NabCorpus.read(Path.of(datasets, "nab"))) {
            // As /detect and the NAB evaluation run it: the defaults, timestamps read as UTC.
            var detector = new StreamingDetector(DetectorConfig.defaults().withZone(ZoneOffset.UTC));
            var detections = new ArrayList<Detection>(series.rows());
            for (int i = 0; i < series.rows(); i++) {
                detections.add(detector.next(Observation.of(series.timestamps().get(i).toInstant(ZoneOffset.UTC),
                        series.values()[i])));
            }
            lines.add(line("nab", series.name(), detections));
        }
        check(NAB, lines);
    }

    static String line(String configuration, String series, List<Detection> detections) {
        MessageDigest all = sha256();
        MessageDigest block = sha256();
        var blocks = new StringBuilder();
        int anomalies = 0;
        for (int i = 0; i < detections.size(); i++) {
            byte[] row = bytes(detections.get(i));
            all.update(row);
            block.update(row);
            if ((i + 1) % BLOCK == 0 || i == detections.size() - 1) {
                blocks.append(' ').append(HexFormat.of().formatHex(block.digest(), 0, 4));
            }
            anomalies += detections.get(i).anomaly() ? 1 : 0;
        }
        return configuration + " " + series + " rows=" + detections.size() + " anomalies=" + anomalies + " sha256="
                + HexFormat.of().formatHex(all.digest()) + " blocks=" + blocks.toString().trim();
    }

    /** Every field of a detection, doubles as their exact bits. */
    private static byte[] bytes(Detection d) {
        var text = new StringBuilder()
                .append(d.timestamp()).append('|').append(d.value()).append('|').append(d.anomaly()).append('|')
                .append(d.severity()).append('|').append(d.type()).append('|').append(d.warmingUp()).append('|')
                .append(d.recommendation());
        for (var c : d.contributions()) {
            text.append('|').append(c.feature()).append(':').append(bits(c.value() == null ? Double.NaN : c.value()))
                    .append(':').append(bits(c.contribution()));
        }
        var numbers = new ArrayList<Double>(List.of(d.score(), d.strength(), d.expected(), d.expectedLow(),
                d.expectedHigh(), d.streamingScore(), d.forestScore(), d.features().expected(), d.features().scale(),
                d.features().residualZ()));
        for (double v : d.features().values()) {
            numbers.add(v);
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(head.length + 8 * numbers.size());
        buffer.put(head);
        numbers.forEach(v -> buffer.putLong(Double.doubleToLongBits(v)));
        return buffer.array();
    }

    private static String bits(double v) {
        return Long.toHexString(Double.doubleToLongBits(v));
    }

    private static void check(String resource, List<String> actual) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            Path file = Path.of("src/test/resources/io/energywatch/analytics/anomaly", resource);
            Files.createDirectories(file.getParent());
            Files.write(file, actual);
            return;
        }
        List<String> expected;
        try (InputStream in = DetectorGoldenTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file " + resource).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
