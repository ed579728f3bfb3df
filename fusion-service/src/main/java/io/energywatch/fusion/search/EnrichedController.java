package io.energywatch.fusion.search;

import io.energywatch.fusion.indexing.EnrichedDocument;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Enriched records, daily aggregates and indexing statistics, read from Elasticsearch. */
@RestController
@RequestMapping("/api/v1/enriched")
class EnrichedController {

    private static final Set<String> INTERVALS = Set.of("day", "week", "month");

    private final EnrichedSearch search;

    EnrichedController(EnrichedSearch search) {
        this.search = search;
    }

    @GetMapping
    PageResponse<EnrichedDocument> enriched(@RequestParam String series, @RequestParam(required = false) @Nullable String from,
                                            @RequestParam(required = false) @Nullable String to,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        PageResponse.validate(page, size);
        if ((long) (page + 1) * size > EnrichedSearch.MAX_WINDOW) {
            throw ProblemException.badRequest("page-too-deep", "pages end at record " + EnrichedSearch.MAX_WINDOW
                    + ": narrow from/to", List.of(ProblemError.field("page", page, "page * size must stay within "
                    + EnrichedSearch.MAX_WINDOW)));
        }
        Instant start = TimeBound.from("from", from);
        Instant end = TimeBound.toExclusive("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.badRequest("invalid-request", "from must be before to",
                    List.of(ProblemError.field("from", from, "must be before to " + to)));
        }
        return search.enriched(series, start, end, page, size);
    }

    @GetMapping("/aggregates")
    EnrichedSearch.Aggregates aggregates(@RequestParam String region, @RequestParam String from, @RequestParam String to,
                                         @RequestParam(defaultValue = "day") String interval) {
        if (!INTERVALS.contains(interval)) {
            throw ProblemException.badRequest("invalid-request", "interval must be day, week or month",
                    List.of(ProblemError.field("interval", interval, "expected day, week or month")));
        }
        LocalDate start = TimeBound.localDate("from", from);
        LocalDate end = TimeBound.localDate("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("invalid-request", "from must not be after to",
                    List.of(ProblemError.field("from", from, "must not be after to " + to)));
        }
        return search.aggregates(region, start, end, interval);
    }

    @GetMapping("/stats")
    EnrichedSearch.Stats stats() {
        return search.stats();
    }
}
