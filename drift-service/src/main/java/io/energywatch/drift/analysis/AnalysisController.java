package io.energywatch.drift.analysis;

import io.energywatch.analytics.registry.ModelIds;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.reports.DriftReport;
import io.energywatch.drift.window.EnrichedWindow;
import io.energywatch.drift.window.WindowScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * On-demand drift analyses: a model version against a window of enriched data (JSON body), or two uploaded CSV samples
 * with the same columns (multipart parts {@code reference} and {@code current}). Answers 201 with the report.
 */
@RestController
@RequestMapping("/api/v1/drift/analyses")
class AnalysisController {

    /** Ids name folders of the local registry and segments of MLflow calls: never a path (see {@link ModelIds}). */
    static final String MODEL_ID = "must be a model id (letters, digits, . _ : -, starting with a letter or digit)";
    static final String VERSION = "must be a version (letters, digits, . _ -, starting with a letter or digit)";

    private final DriftRuns runs;
    private final EnrichedWindow window;
    private final DriftProperties properties;
    private final Clock clock;

    AnalysisController(DriftRuns runs, EnrichedWindow window, DriftProperties properties, Clock clock) {
        this.runs = runs;
        this.window = window;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param version a version of the model; null for the configured alias
     * @param from    start of the window (interval starts); null for {@code to} minus the full-run window
     * @param to      end of the window, exclusive; null for the newest record's interval end (stream time)
     */
    record WindowAnalysis(@NotBlank @Pattern(regexp = ModelIds.ID_PATTERN, message = MODEL_ID) String modelId,
                          @Nullable @Pattern(regexp = ModelIds.VERSION_PATTERN, message = VERSION) String version,
                          @Nullable Instant from, @Nullable Instant to) {
    }

    @Operation(summary = "Run an on-demand drift analysis",
            description = "JSON: a model version's reference profiles (the configured alias when version is absent) "
                    + "against a window of enriched data (from/to; by default the full-run window ending at stream "
                    + "time). Multipart: two CSV samples with the same columns (parts reference and current), "
                    + "optionally naming their model. Answers 201 with the drift report and its Location.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "example", value = """
                            {"modelId": "anomaly-forest.electricity.sim.PT30M",
                             "from": "2024-03-01T00:00:00Z", "to": "2024-04-01T00:00:00Z"}
                            """))),
            responses = @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
                    description = "Created: the report, with its Location"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DriftReport> window(@Valid @RequestBody WindowAnalysis request) {
        // Stream time, not the clock: the newest record seen, so replayed history has a window by default.
        Instant to = request.to() != null ? request.to()
                : window.streamTime(WindowScope.ALL).orElseGet(clock::instant);
        Instant from = request.from() == null ? to.minus(properties.schedule().fullWindow()) : request.from();
        return created(runs.againstWindow(request.modelId(), request.version(), from, to, Integer.MAX_VALUE,
                DriftReport.Trigger.ON_DEMAND));
    }

    @Operation(summary = "Run an on-demand drift analysis",
            description = "JSON: a model version's reference profiles (the configured alias when version is absent) "
                    + "against a window of enriched data (from/to; by default the full-run window ending at stream "
                    + "time). Multipart: two CSV samples with the same columns (parts reference and current), "
                    + "optionally naming their model. Answers 201 with the drift report and its Location.",
            responses = @ApiResponse(responseCode = "201", useReturnTypeSchema = true,
                    description = "Created: the report, with its Location"))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DriftReport> samples(@RequestPart("reference") MultipartFile reference,
                                        @RequestPart("current") MultipartFile current,
                                        @Parameter(description = "The model the samples belong to (multipart only)",
                                                example = "anomaly-forest.electricity.sim.PT30M")
                                        @RequestParam(name = "model", required = false)
                                        @Pattern(regexp = ModelIds.ID_PATTERN, message = MODEL_ID) @Nullable String model)
            throws IOException {
        int maxRows = properties.upload().maxRows();
        SampleCsv referenceSample;
        SampleCsv currentSample;
        try (InputStream in = reference.getInputStream()) {
            referenceSample = SampleCsv.read("reference", in, maxRows);
        }
        try (InputStream in = current.getInputStream()) {
            currentSample = SampleCsv.read("current", in, maxRows);
        }
        return created(runs.uploaded(referenceSample, currentSample, model));
    }

    private static ResponseEntity<DriftReport> created(DriftReport report) {
        return ResponseEntity.created(URI.create("/api/v1/drift/reports/" + report.id())).body(report);
    }
}
