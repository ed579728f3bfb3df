package io.energywatch.anomaly.alerts;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

/** The anomaly list, one anomaly, operator feedback and the statistics the demo prints. */
@RestController
@RequestMapping("/api/v1/anomalies")
class AnomalyController {

    private static final Set<String> SORTS = Set.of("time", "score");

    private final AnomalyStore store;
    private final AnomalyReview review;

    private final Clock clock = Clock.systemUTC();

    AnomalyController(AnomalyStore store, AnomalyReview review) {
        this.store = store;
        this.review = review;
    }

    @Operation(summary = "List anomalies",
            description = "Detected anomalies, filtered by series, region, severity, status, type, time range "
                    + "(from/to on the anomaly's start) and detectedSince (an instant or a duration back from now "
                    + "such as PT24H), sorted by time or score, one page at a time.")
    @GetMapping
    PageResponse<AnomalyDocument> list(@RequestParam(required = false) @Nullable String series,
                                       @RequestParam(required = false) @Nullable String region,
                                       @RequestParam(required = false) @Nullable Severity severity,
                                       @RequestParam(required = false) @Nullable AnomalyStatus status,
                                       @RequestParam(required = false) @Nullable AnomalyType type,
                                       @RequestParam(required = false) @Nullable String from,
                                       @RequestParam(required = false) @Nullable String to,
                                       @RequestParam(required = false) @Nullable String detectedSince,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size,
                                       @RequestParam(defaultValue = "time") String sort) {
        PageResponse.validate(page, size);
        if (!SORTS.contains(sort)) {
            throw ProblemException.badRequest("invalid-request", "sort must be time or score",
                    List.of(ProblemError.field("sort", sort, "must be time or score")));
        }
        var filter = new AnomalyFilter(series, region, severity, status, type, TimeParameters.from(from),
                TimeParameters.to(to), TimeParameters.since("detectedSince", detectedSince, clock.instant()));
        return store.find(filter, page, size, sort);
    }

    @Operation(summary = "Anomaly statistics",
            description = "Counts by severity, region, type and status, the cost impact of open and confirmed "
                    + "anomalies, and precision per model version from feedback.")
    @GetMapping("/stats")
    AnomalyStats stats() {
        return store.stats();
    }

    @Operation(summary = "Get one anomaly",
            description = "One anomaly by id.")
    @GetMapping("/{id}")
    AnomalyDocument one(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("anomaly", id));
    }

    @Operation(summary = "Give feedback on an anomaly",
            description = "An operator's verdict (CONFIRMED or FALSE_POSITIVE): sets the anomaly's status and counts "
                    + "toward its model's precision. Its author is the subject of the caller's token.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    examples = @ExampleObject(name = "example", value = """
                            {"verdict": "FALSE_POSITIVE", "comment": "planned maintenance"}
                            """))))
    @PostMapping("/{id}/feedback")
    AnomalyDocument feedback(@PathVariable String id, @Valid @RequestBody FeedbackRequest request,
                             @Parameter(hidden = true) Principal caller) {
        return review.judge(id, request, caller.getName());
    }

    @Operation(summary = "Acknowledge an anomaly",
            description = "An operator has seen an open anomaly and is on it: its status becomes ACKNOWLEDGED, by the "
                    + "token's subject. Acknowledging again changes nothing; an anomaly with a verdict answers 409.")
    @PostMapping("/{id}/acknowledgement")
    AnomalyDocument acknowledge(@PathVariable String id, @Parameter(hidden = true) Principal caller) {
        return review.acknowledge(id, caller.getName());
    }
}
