package io.energywatch.fusion.search;

import io.energywatch.contracts.SeriesId;
import io.energywatch.fusion.indexing.EnrichedDocument;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** Enriched records, daily aggregates and indexing statistics, read from Elasticsearch. */
@RestController
@RequestMapping("/api/v1/enriched")
class EnrichedController {

    private static final Set<String> INTERVALS = Set.of("day", "week", "month");

    private final EnrichedSearch search;
    private final SeriesView views;

    EnrichedController(EnrichedSearch search, SeriesView views) {
        this.search = search;
        this.views = views;
    }

    @Operation(summary = "Search enriched records of a series", description = "The series' records fused with weather, "
            + "social movements and the calendar, oldest first, one page at a time; pages end at record 10,000 "
            + "(narrow from/to). from/to take an ISO instant or a local date (Europe/Paris; a date includes its whole day). "
            + "Shortcuts instead of from/to: latest=N, the N most recent records (size defaults to N); hours=H, the H "
            + "hours ending where the series' data ends (the end of its last interval, not now, so a historical load "
            + "answers too). Mixing from/to, latest and hours is a 400 naming them.")
    @GetMapping
    PageResponse<EnrichedDocument> enriched(
            @Parameter(description = "Series id (carrier:region:source:resolution)", example = "electricity:FR:odre:PT30M")
            @RequestParam String series,
            @Parameter(description = "Inclusive start: ISO instant or local date", example = "2024-01-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End: an instant (exclusive) or a local date (inclusive)", example = "2024-01-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The N most recent records (at most 10,000), oldest first", example = "48")
            @RequestParam(required = false) @Nullable Integer latest,
            @Parameter(description = "The H hours ending at the end of the series' last interval", example = "24")
            @RequestParam(required = false) @Nullable Integer hours,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size (default 50, or latest when given; at most 1000)")
            @RequestParam(required = false) @Nullable Integer size) {
        TimeWindow.requireExclusive(from, to, hours, latest);
        if (latest != null && latest > EnrichedSearch.MAX_WINDOW) {
            throw ProblemException.badRequest("invalid-request", "latest must be at most " + EnrichedSearch.MAX_WINDOW,
                    List.of(ProblemError.field(TimeWindow.LATEST, latest, "must be <= " + EnrichedSearch.MAX_WINDOW)));
        }
        int pageSize = size != null ? size
                : latest != null ? Math.min(latest, PageResponse.MAX_SIZE) : PageResponse.DEFAULT_SIZE;
        PageResponse.validate(page, pageSize);
        // In long: page + 1 overflows an int for page = 2147483647, and then any page passed.
        if (((long) page + 1) * pageSize > EnrichedSearch.MAX_WINDOW) {
            throw ProblemException.badRequest("page-too-deep", "pages end at record " + EnrichedSearch.MAX_WINDOW
                    + ": narrow from/to", List.of(ProblemError.field("page", page, "page * size must stay within "
                    + EnrichedSearch.MAX_WINDOW)));
        }
        if (latest != null) {
            Instant start = search.nthLatestStart(series, latest).orElse(null);
            return search.enriched(series, start, null, page, pageSize);
        }
        if (hours != null) {
            Instant end = search.end(series).orElse(null);
            if (end == null) {
                return new PageResponse<>(List.of(), page, pageSize, 0);
            }
            TimeWindow window = TimeWindow.hoursEndingAt(hours, end);
            return search.enriched(series, window.from(), window.to(), page, pageSize);
        }
        Instant start = TimeBound.from("from", from);
        Instant end = TimeBound.toExclusive("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.badRequest("invalid-request", "from must be before to",
                    List.of(ProblemError.field("from", from, "must be before to " + to)));
        }
        return search.enriched(series, start, end, page, pageSize);
    }

    @Operation(summary = "A series downsampled for a chart", description = "One request for a chart of any length: the "
            + "series' records in fixed intervals (the span divided by points, rounded up to a whole number of the "
            + "series' steps, buckets starting at from), each with its record count, the min, max and mean power of "
            + "its valued records, the mean of their daily mean temperatures and its strike and public-holiday "
            + "records; intervals without a record are left out. The window is from/to (ISO instants or local dates; "
            + "an open side ends at the series' first or last interval), latest=N (the N most recent records) or "
            + "hours=H (the H hours ending at the end of the series' last interval), as for the records.")
    @GetMapping("/view")
    SeriesView.Downsampled view(
            @Parameter(description = "Series id (carrier:region:source:resolution)", example = "electricity:FR:odre:PT30M")
            @RequestParam String series,
            @Parameter(description = "Inclusive start: ISO instant or local date", example = "2024-01-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End: an instant (exclusive) or a local date (inclusive)", example = "2024-12-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The N most recent records (at most 10,000)", example = "5000")
            @RequestParam(required = false) @Nullable Integer latest,
            @Parameter(description = "The H hours ending at the end of the series' last interval", example = "720")
            @RequestParam(required = false) @Nullable Integer hours,
            @Parameter(description = "Buckets wanted at most (default 2,000, at most 10,000); fewer when the series' "
                    + "step is coarser", example = "2000")
            @RequestParam(defaultValue = "" + SeriesView.DEFAULT_POINTS) int points) {
        TimeWindow.requireExclusive(from, to, hours, latest);
        if (points < 1 || points > SeriesView.MAX_POINTS) {
            throw ProblemException.badRequest("invalid-request", "points must be between 1 and " + SeriesView.MAX_POINTS,
                    List.of(ProblemError.field("points", points, "must be between 1 and " + SeriesView.MAX_POINTS)));
        }
        if (latest != null && latest > EnrichedSearch.MAX_WINDOW) {
            throw ProblemException.badRequest("invalid-request", "latest must be at most " + EnrichedSearch.MAX_WINDOW,
                    List.of(ProblemError.field(TimeWindow.LATEST, latest, "must be <= " + EnrichedSearch.MAX_WINDOW)));
        }
        Duration step;
        try {
            step = SeriesId.parse(series).step();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-request", "series is not a series id",
                    List.of(ProblemError.field("series", series, e.getMessage())));
        }
        Instant start = TimeBound.from("from", from);
        Instant end = TimeBound.toExclusive("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.badRequest("invalid-request", "from must be before to",
                    List.of(ProblemError.field("from", from, "must be before to " + to)));
        }
        if (hours != null) {
            Instant last = search.end(series).orElse(null);
            if (last == null) {
                return SeriesView.empty(series, points, step);
            }
            TimeWindow window = TimeWindow.hoursEndingAt(hours, last);
            return views.view(series, window.from(), window.to(), points, step);
        }
        if (start == null || end == null || latest != null) {
            // An open side ends where the series does: one more query for its bounds.
            TimeWindow bounds = views.bounds(series).orElse(null);
            if (bounds == null) {
                return SeriesView.empty(series, points, step);
            }
            if (latest != null) {
                start = search.nthLatestStart(series, latest).orElse(bounds.from());
            }
            start = start != null ? start : bounds.from();
            end = end != null ? end : bounds.to();
            if (!start.isBefore(end)) {
                return SeriesView.empty(series, points, step);
            }
        }
        return views.view(series, start, end, points, step);
    }

    @Operation(summary = "Aggregate a region's series per interval", description = "Per series of the region and per day, "
            + "week or month between two local dates (inclusive): energy sum, mean, min and max power, temperatures "
            + "and degree days.")
    @GetMapping("/aggregates")
    EnrichedSearch.Aggregates aggregates(
            @Parameter(description = "Region code (INSEE, or FR for the country)", example = "11") @RequestParam String region,
            @Parameter(description = "First local date", example = "2024-01-01") @RequestParam String from,
            @Parameter(description = "Last local date (inclusive)", example = "2024-01-31") @RequestParam String to,
            @Parameter(description = "day, week or month", example = "day") @RequestParam(defaultValue = "day") String interval) {
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

    @Operation(summary = "Indexing statistics", description = "How many enriched records are indexed, by carrier and "
            + "region, and the latest record; within a window when from/to (ISO instants or local dates) or hours=H "
            + "(the H hours ending at the end of the last interval indexed) is given. The answer echoes the window.")
    @GetMapping("/stats")
    EnrichedSearch.Stats stats(
            @Parameter(description = "Inclusive start: ISO instant or local date", example = "2024-01-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End: an instant (exclusive) or a local date (inclusive)", example = "2024-01-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The H hours ending at the end of the last interval indexed", example = "24")
            @RequestParam(required = false) @Nullable Integer hours) {
        TimeWindow.requireExclusive(from, to, hours, null);
        if (hours != null) {
            return search.stats(search.end(null).map(end -> TimeWindow.hoursEndingAt(hours, end))
                    .orElseGet(() -> new TimeWindow(null, null, hours)));
        }
        return search.stats(new TimeWindow(TimeBound.from("from", from), TimeBound.toExclusive("to", to), null));
    }
}
