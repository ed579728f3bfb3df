package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.contracts.AnomalyDetected.FeatureContribution;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /detect}'s scoring: a fresh detector of the chosen kind (no per-file tuning), fed the rows in order. With the
 * causal kinds each row's verdict depends only on the rows before it and appending rows never changes earlier ones;
 * {@code cad} also reads the upload's range and length, as NAB runs it.
 */
final class BatchDetection {

    private BatchDetection() {
    }

    /** The rows scored by a fresh streaming detector with {@code config}. */
    static List<DetectedRow> detect(List<UploadedRow> rows, DetectorConfig config, ZoneId zone) {
        return detect(rows, config, zone, UploadDetector.STREAMING, Duration.ZERO).rows();
    }

    /**
     * An upload scored: its rows and the detector that scored them, with the reason when it is not the one asked for
     * ({@code cad} past its time budget).
     */
    record Scored(List<DetectedRow> rows, UploadDetector detector, @Nullable String fallback) {
    }

    /**
     * The rows scored by a fresh detector of {@code kind} whose streaming part has {@code config}; {@code cad} gives
     * up when it has run {@code cadBudget} and the streaming detector scores the whole upload instead (the budget is
     * cad's only).
     */
    static Scored detect(List<UploadedRow> rows, DetectorConfig config, ZoneId zone, UploadDetector kind,
                         Duration cadBudget) {
        long deadline = System.nanoTime() + cadBudget.toNanos();
        Function<Observation, Detection> detector = kind.start(config, zone, rows);
        List<DetectedRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (kind == UploadDetector.CAD && System.nanoTime() - deadline >= 0) {
                return new Scored(detect(rows, config, zone), UploadDetector.STREAMING,
                        "cad stopped at row " + i + " of " + rows.size() + " when its time budget of " + cadBudget
                                + " ran out (a long, noise-like series grows its context memory); scored by "
                                + "streaming");
            }
            UploadedRow row = rows.get(i);
            Detection d = detector.apply(Observation.of(row.timestamp(), row.value()));
            out.add(new DetectedRow(row.timestamp(), row.value(), d.score(), d.anomaly(), d.severity(), d.type(),
                    Double.isFinite(d.expected()) ? d.expected() : null,
                    d.anomaly() ? new DetectedRow.Explanation(d.contributions(), d.recommendation()) : null));
        }
        return new Scored(out, kind, null);
    }

    static String csv(List<DetectedRow> rows) {
        var sb = new StringBuilder("timestamp,value,anomaly_score,is_anomaly,severity,type,expected,explanation\n");
        for (DetectedRow r : rows) {
            sb.append(r.timestamp()).append(',')
                    .append(r.value() == null ? "" : r.value()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", r.anomalyScore())).append(',')
                    .append(r.isAnomaly()).append(',')
                    .append(r.severity() == null ? "" : r.severity()).append(',')
                    .append(r.type() == null ? "" : r.type()).append(',')
                    .append(r.expected() == null ? "" : String.format(Locale.ROOT, "%.4f", r.expected())).append(',')
                    .append(r.explanation() == null ? "" : quoted(explain(r.explanation()))).append('\n');
        }
        return sb.toString();
    }

    private static String explain(DetectedRow.Explanation e) {
        String parts = e.contributions().stream().map(BatchDetection::share).collect(Collectors.joining("; "));
        return parts + " | " + e.recommendation();
    }

    private static String share(FeatureContribution c) {
        return String.format(Locale.ROOT, "%s=%.0f%%", c.feature(), 100 * c.contribution());
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
