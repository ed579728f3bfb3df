package io.energywatch.ingestion.jobs;

import io.energywatch.service.web.DuplicatePolicy;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.ingestion.formats.ColumnMapping;
import io.energywatch.ingestion.formats.IngestionKind;
import io.energywatch.service.stores.StoreFailures;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/**
 * {@code /api/v1/ingestions}: upload a file (multipart {@code file} part, or the raw request body) and follow its job.
 * Uploads answer 202 with the job and its Location at once; the work happens in the background.
 */
@RestController
@RequestMapping("/api/v1/ingestions")
class IngestionController {

    private final UploadService uploads;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final Clock clock;

    IngestionController(UploadService uploads, JobRepository jobs, JobRunner runner, Clock clock) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
    }

    @UploadDocumentation
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JobView> uploadMultipart(@RequestPart("file") MultipartFile file,
                                            @Parameter(hidden = true) @RequestParam Map<String, String> params) throws IOException {
        String origin = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return accepted(uploads.accept(in, request(origin, params)));
        }
    }

    @UploadDocumentation
    @Parameter(name = "filename", in = ParameterIn.QUERY, example = "eco2mix-2023.csv",
            description = "The name the job records for a raw-body upload")
    @PostMapping(consumes = {MediaType.ALL_VALUE})
    ResponseEntity<JobView> uploadBody(HttpServletRequest http, @Parameter(hidden = true) @RequestParam Map<String, String> params)
            throws IOException {
        String origin = params.getOrDefault("filename", "upload");
        try (InputStream in = http.getInputStream()) {
            return accepted(uploads.accept(in, request(origin, params)));
        }
    }

    /**
     * A job this process is running is shown from memory while MongoDB cannot be read, so a client following it sees
     * it PAUSED with its reason; any other job answers the store's 503 then.
     */
    @Operation(summary = "Get an ingestion job", description = "The job's state, counts of accepted and rejected records "
            + "and its rejections; a job this process runs is shown PAUSED with its reason while MongoDB cannot be read.")
    @GetMapping("/{id}")
    JobView job(@PathVariable String id) {
        Optional<IngestionJob> stored;
        try {
            stored = jobs.find(id);
        } catch (RuntimeException e) {
            Optional<IngestionJob> live = runner.live(id);
            if (live.isEmpty() || StoreFailures.classify(e).isEmpty()) {
                throw e;
            }
            stored = live;
        }
        return stored.map(runner::current).map(j -> JobView.of(j, clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("ingestion job", id));
    }

    @Operation(summary = "List recent ingestion jobs", description = "Newest first, one page at a time.")
    @GetMapping
    PageResponse<JobView> recent(@RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        PageResponse.validate(page, size);
        var now = clock.instant();
        return new PageResponse<>(jobs.recent(page, size).stream().map(runner::current).map(j -> JobView.of(j, now)).toList(), page, size,
                jobs.count());
    }

    private ResponseEntity<JobView> accepted(IngestionJob job) {
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/ingestions/{id}")
                .buildAndExpand(job.id()).toUri();
        return ResponseEntity.accepted().location(location).body(JobView.of(job, clock.instant()));
    }

    private static UploadService.UploadRequest request(String origin, Map<String, String> p) {
        String kind = p.get("kind");
        if (kind == null || kind.isBlank()) {
            throw ProblemException.badRequest("invalid-request", "parameter 'kind' is required: consumption, weather,"
                    + " social-movements or weather-forecast", List.of(ProblemError.field("kind", null, "required")));
        }
        return new UploadService.UploadRequest(origin, "upload", field("kind", kind, IngestionKind::fromCode),
                p.get("format"), p.get("tz"), mapping(p), p.get(DuplicatePolicy.PARAMETER));
    }

    /** The generic formats' column mapping, from request parameters; null when none is given. */
    private static @Nullable ColumnMapping mapping(Map<String, String> p) {
        if (!p.containsKey("timestampColumn") && !p.containsKey("valueColumn")) {
            return null;
        }
        String timestamp = p.get("timestampColumn");
        String value = p.get("valueColumn");
        if (timestamp == null || value == null) {
            throw ProblemException.badRequest("invalid-request", "a column mapping needs timestampColumn and valueColumn",
                    List.of(ProblemError.field(timestamp == null ? "timestampColumn" : "valueColumn", null, "required")));
        }
        return new ColumnMapping(timestamp, value,
                p.containsKey("unit") ? field("unit", p.get("unit"), MeasurementUnit::fromSymbol) : null,
                p.get("unitColumn"), p.get("seriesColumn"), p.get("regionColumn"), p.get("seriesId"),
                p.containsKey("carrier") ? field("carrier", p.get("carrier"), Carrier::fromCode) : null,
                p.get("source"), p.get("resolution"),
                p.containsKey("extraColumns") ? Arrays.stream(p.get("extraColumns").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList() : List.of());
    }

    private static <T> T field(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-request", e.getMessage(),
                    List.of(ProblemError.field(name, value, e.getMessage())));
        }
    }
}
