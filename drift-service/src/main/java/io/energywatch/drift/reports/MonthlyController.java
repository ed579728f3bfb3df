package io.energywatch.drift.reports;

import io.energywatch.drift.config.DriftProperties;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The monthly drift report: {@code GET /api/v1/drift/reports/monthly?month=2024-03}, JSON, or CSV (one line per model)
 * with {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/v1/drift/reports/monthly")
class MonthlyController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final ReportStore store;
    private final DriftProperties.Monthly settings;
    private final ZoneId zone;
    private final Clock clock;

    MonthlyController(ReportStore store, DriftProperties properties, Clock clock) {
        this.store = store;
        this.settings = properties.monthly();
        this.zone = properties.schedule().zone();
        this.clock = clock;
    }

    /** JSON unless the Accept header asks for CSV before JSON. */
    @Operation(summary = "Monthly drift report",
            description = "Every model's drift runs in a month (YYYY-MM): versions, runs, worst status, top drifting "
                    + "features and recommended actions; JSON, or CSV (one line per model) when Accept asks for "
                    + "text/csv first; 422 when the month holds more reports than monthly.max-reports.")
    @GetMapping
    ResponseEntity<?> monthly(@Parameter(description = "The month, YYYY-MM (Europe/Paris)", example = "2024-03")
                              @RequestParam String month,
                              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        var report = report(month);
        boolean csv = accept != null && MediaType.parseMediaTypes(accept).stream()
                .filter(t -> t.isCompatibleWith(CSV) || t.isCompatibleWith(MediaType.APPLICATION_JSON))
                .findFirst().map(t -> t.isCompatibleWith(CSV) && !t.isWildcardType()).orElse(false);
        return csv ? ResponseEntity.ok().contentType(CSV).body(csv(report)) : ResponseEntity.ok(report);
    }

    private static String csv(MonthlyReport report) {
        var out = new StringBuilder("month,modelId,versions,runs,worstStatus,worstReportId,eventsPublished,"
                + "topFeatures,actions\n");
        for (var m : report.models()) {
            out.append(String.join(",", report.month().toString(), cell(m.modelId()),
                    cell(String.join(" ", m.versions())), Long.toString(m.runs()), m.worstStatus().name(),
                    m.worstReportId(), Long.toString(m.eventsPublished()),
                    cell(m.topFeatures().stream().map(f -> String.format(Locale.ROOT, "%s %.3f", f.feature(),
                            f.maxPsi())).collect(Collectors.joining("; "))),
                    cell(m.actions().stream().map(a -> a.action() + " " + a.target() + " x" + a.reports())
                            .collect(Collectors.joining("; "))))).append('\n');
        }
        return out.toString();
    }

    private MonthlyReport report(String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-request", "month must be YYYY-MM",
                    List.of(ProblemError.field("month", month, "not a YYYY-MM month")));
        }
        var from = parsed.atDay(1).atStartOfDay(zone).toInstant();
        var to = parsed.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        var reports = store.windowsEndingIn(from, to, settings.maxReports() + 1);
        if (reports.size() > settings.maxReports()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "too-many-reports", "Too many reports",
                    month + " has more than " + settings.maxReports() + " drift reports (monthly.max-reports)",
                    List.of(ProblemError.field("month", month, "more than " + settings.maxReports() + " reports")));
        }
        return MonthlyReport.of(parsed, from, to, clock.instant(), reports, settings.topFeatures());
    }

    /** A CSV cell, quoted when it holds a separator or a quote. */
    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
