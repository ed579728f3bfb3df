package io.energywatch.anomaly.detection;

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
import java.time.ZoneId;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code POST /api/v1/anomalies/detect}: scores an uploaded series (CSV or JSON by Content-Type) and answers every row,
 * as JSON or CSV by the Accept header.
 */
@RestController
class DetectController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    /** The JSON answer: every row, and how many were anomalous. */
    record DetectionReport(int rows, long anomalies, List<DetectedRow> content) {
    }

    @Operation(summary = "Detect anomalies in an uploaded series",
            description = "Scores an uploaded series (CSV with timestamp,value columns or a JSON array, chosen by "
                    + "Content-Type) and answers every row with its score and verdict, as JSON or as CSV when "
                    + "Accept asks for text/csv.")
    @PostMapping(path = "/api/v1/anomalies/detect", consumes = {"text/csv", "text/plain", "application/json"})
    ResponseEntity<?> detect(@RequestBody String body,
                             @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             @RequestParam(defaultValue = "Europe/Paris") String tz) {
        ZoneId zone = zone(tz);
        List<UploadedRow> rows = MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                ? UploadedSeries.json(body, zone) : UploadedSeries.csv(body, zone);
        List<DetectedRow> detected = BatchDetection.detect(rows, zone);
        if (wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(TEXT_CSV).body(BatchDetection.csv(detected));
        }
        long anomalies = detected.stream().filter(DetectedRow::isAnomaly).count();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new DetectionReport(detected.size(), anomalies, detected));
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
