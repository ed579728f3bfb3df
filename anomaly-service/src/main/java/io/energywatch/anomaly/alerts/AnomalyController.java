package io.energywatch.anomaly.alerts;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TimeWindow;
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
                    + "such as PT24H), sorted by time or score, one page at a time. Shortcuts instead of from/to: "
                    + "latest=N, the N most recent anomalies the other filters select (newest first; size defaults to "
                    + "N); hours=H, those starting in the H hours that end where the latest of them ends (not now, so a "
                    + "historical load answers too). Mixing from/to, latest and hours is a 400 naming them.")
    @GetMapping
    PageResponse<AnomalyDocument> list(@RequestParam(required = false) @Nullable String series,
                                       @RequestParam(required = false) @Nullable String region,
                                       @RequestParam(required = false) @Nullable Severity severity,
                                       @RequestParam(required = false) @Nullable AnomalyStatus status,
                                       @RequestParam(required = false) @Nullable AnomalyType type,
                                       @RequestParam(required = false) @Nullable String from,
                                       @RequestParam(required = false) @Nullable String to,
                                       @RequestParam(required = false) @Nullable String detectedSince,
                                       @Parameter(description = "The N most recent anomalies", example = "10")
                                       @RequestParam(required = false) @Nullable Integer latest,
                                       @Parameter(description = "The H hours ending where the latest anomaly ends",
                                               example = "24")
                                       @RequestParam(required = false) @Nullable Integer hours,
                                       @RequestParam(defaultValue = "0") int page,
                                       @Parameter(description = "Page size (default 50, or latest when given; at most "
                                               + "1000)")
                                       @RequestParam(required = false) @Nullable Integer size,
                                       @RequestParam(defaultValue = "time") String sort) {
        TimeWindow.requireExclusive(from, to, hours, latest);
        int pageSize = size != null ? size
                : latest != null ? Math.min(latest, PageResponse.MAX_SIZE) : PageResponse.DEFAULT_SIZE;
        PageResponse.validate(page, pageSize);
        if (!SORTS.contains(sort)) {
            throw ProblemException.badRequest("invalid-request", "sort must be time or score",
                    List.of(ProblemError.field("sort", sort, "must be time or score")));
        }
        if (latest != null && !"time".equals(sort)) {
            throw ProblemException.badRequest("conflicting-parameters", "latest takes the most recent: sort by time",
                    List.of(ProblemError.field(TimeWindow.LATEST, latest, "cannot be combined with sort=" + sort),
                            ProblemError.field("sort", sort, "must be time with latest")));
        }
        var filter = new AnomalyFilter(series, region, severity, status, type, TimeParameters.from(from),
                TimeParameters.to(to), TimeParameters.since("detectedSince", detectedSince, clock.instant()));
        if (hours != null) {
            var window = store.lastEnd(filter).map(end -> TimeWindow.hoursEndingAt(hours, end));
            if (window.isPresent()) {
                filter = filter.within(window.get());
            }
        }
        return store.find(filter, page, pageSize, sort, latest);
    }

    @Operation(summary = "Anomaly statistics",
            description = "Counts by severity, region, type and status, the cost impact of open and confirmed "
                    + "anomalies, and precision per model version from feedback; of the anomalies starting in a window "
                    + "when from/to (ISO instants or local dates) or hours=H (the H hours ending where the latest "
                    + "anomaly ends) is given. The answer echoes the window.")
    @GetMapping("/stats")
    AnomalyStats stats(
            @Parameter(description = "Inclusive start: ISO instant or local date", example = "2024-01-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End: an instant (exclusive) or a local date (inclusive)", example = "2024-01-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The H hours ending where the latest anomaly ends", example = "24")
            @RequestParam(required = false) @Nullable Integer hours) {
        TimeWindow.requireExclusive(from, to, hours, null);
        if (hours != null) {
            var any = new AnomalyFilter(null, null, null, null, null, null, null, null);
            return store.stats(store.lastEnd(any).map(end -> TimeWindow.hoursEndingAt(hours, end))
                    .orElseGet(() -> new TimeWindow(null, null, hours)));
        }
        return store.stats(new TimeWindow(TimeParameters.from(from), TimeParameters.to(to), null));
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
