package io.energywatch.anomaly.detection;

import io.energywatch.service.web.DuplicatePolicy;
import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.anomaly.config.AnomalyProperties;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/anomalies/detect}: scores an uploaded series (CSV or JSON by Content-Type) and answers every row,
 * as JSON or CSV by the Accept header. Repeated and out-of-order timestamps are resolved under the {@code duplicates}
 * policy and the configured reorder window ({@link SeriesOrder}); the answer says what was done (an {@code ordering}
 * object in JSON, {@code X-EnergyWatch-*} headers on both).
 */
@RestController
class DetectController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    static final String DUPLICATES_DROPPED = "X-EnergyWatch-Duplicates-Dropped";
    static final String DUPLICATES_MERGED = "X-EnergyWatch-Duplicates-Merged";
    static final String ROWS_REORDERED = "X-EnergyWatch-Rows-Reordered";
    static final String DETECTOR = "X-EnergyWatch-Detector";

    /**
     * The JSON answer: every row scored, how many were anomalous, how the upload was put in order, the detector that
     * scored it and, when that is not the one asked for, why.
     */
    record DetectionReport(int rows, long anomalies, SeriesOrder.Report ordering, String detector,
                           @Nullable String fallback, List<DetectedRow> content) {
    }

    /** The model id of {@code /detect} runs: a fresh detector per upload, no stored model. */
    static final String UPLOAD_RUN = "anomaly-detection:upload";

    private final int reorderWindow;
    private final Duration cadBudget;
    private final DetectorConfig detector;
    private final ModelRuns modelRuns;

    DetectController(AnomalyProperties properties, ModelRuns modelRuns) {
        this.reorderWindow = properties.upload().reorderWindow();
        this.cadBudget = properties.upload().cadBudget();
        this.detector = DetectorPresets.load(properties.upload().detectorPreset(), properties.upload().detector());
        this.modelRuns = modelRuns;
    }

    @Operation(summary = "Detect anomalies in an uploaded series",
            description = "Scores an uploaded series (CSV with timestamp,value columns or a JSON array, chosen by "
                    + "Content-Type) and answers every row with its score and verdict, as JSON or as CSV when "
                    + "Accept asks for text/csv. Rows sharing a timestamp are resolved by duplicates= (first, the "
                    + "default, or last in file order; mean of their values; reject refuses any row not after the one "
                    + "before it, naming its line); a row earlier than rows before it is sorted into place when it is "
                    + "at most the configured reorder window (1,000 rows by default) late, and refused naming its line "
                    + "otherwise. The answer counts what was done: ordering in JSON, and the headers "
                    + "X-EnergyWatch-Duplicates-Dropped, X-EnergyWatch-Duplicates-Merged and "
                    + "X-EnergyWatch-Rows-Reordered. detector= picks the detector: cad (the default: CAD OSE, the "
                    + "contextual anomaly detector, as NAB runs it, quantising values over the upload's own range; "
                    + "its first 15 % of rows, at most 750, are learned and answered as warming up; a row's score "
                    + "depends on the whole file's range and length), streaming (the stream's residual detector; "
                    + "causal: appending rows never changes earlier verdicts), ensemble (streaming with shingle "
                    + "isolation forest and relative-entropy members) or context (streaming with a causal CAD OSE "
                    + "member). The answer names the detector that scored it (detector in JSON, the header "
                    + "X-EnergyWatch-Detector): cad past its time budget (60 s by default) hands the upload to "
                    + "streaming, and fallback says why.")
    @PostMapping(path = "/api/v1/anomalies/detect", consumes = {"text/csv", "text/plain", "application/json"})
    ResponseEntity<?> detect(@RequestBody String body,
                             @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             @RequestParam(defaultValue = "Europe/Paris") String tz,
                             @RequestParam(defaultValue = "first") String duplicates,
                             @RequestParam(name = UploadDetector.PARAMETER, defaultValue = UploadDetector.DEFAULT)
                             String detectorName) {
        ZoneId zone = zone(tz);
        DuplicatePolicy policy = DuplicatePolicy.parse(duplicates);
        UploadDetector kind = UploadDetector.parse(detectorName);
        List<UploadedRow> read = MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                ? UploadedSeries.json(body, zone) : UploadedSeries.csv(body, zone);
        SeriesOrder.Ordered ordered = SeriesOrder.apply(read, policy, reorderWindow);
        // Each call is a measured scoring run (energy, CO2) of the rows it scored; reading and ordering are the request's.
        BatchDetection.Scored scored = modelRuns.measure(RunKind.SCORING, UPLOAD_RUN, run -> {
            run.rows(ordered.rows().size());
            return BatchDetection.detect(ordered.rows(), detector, zone, kind, cadBudget);
        });
        List<DetectedRow> detected = scored.rows();
        String scoredBy = scored.detector().label();
        SeriesOrder.Report report = ordered.report();
        var answer = ResponseEntity.ok()
                .header(DETECTOR, scoredBy)
                .header(DUPLICATES_DROPPED, Integer.toString(report.duplicatesDropped()))
                .header(DUPLICATES_MERGED, Integer.toString(report.duplicatesMerged()))
                .header(ROWS_REORDERED, Integer.toString(report.rowsReordered()));
        if (wantsCsv(accept)) {
            return answer.contentType(TEXT_CSV).body(BatchDetection.csv(detected));
        }
        long anomalies = detected.stream().filter(DetectedRow::isAnomaly).count();
        return answer.contentType(MediaType.APPLICATION_JSON)
                .body(new DetectionReport(detected.size(), anomalies, report, scoredBy, scored.fallback(),
                        detected));
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        // The first of CSV or JSON the client names wins; a bare */* keeps the JSON default.
        for (MediaType t : MediaType.parseMediaTypes(accept)) {
            if (t.isCompatibleWith(TEXT_CSV) && !t.isWildcardType()) {
                return true;
            }
            if (t.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }

    private static ZoneId zone(String tz) {
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-request", "tz is not a time zone",
                    List.of(ProblemError.field("tz", tz, "expected a zone id such as Europe/Paris")));
        }
    }
}
