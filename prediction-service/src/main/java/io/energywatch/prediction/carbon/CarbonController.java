package io.energywatch.prediction.carbon;

import io.energywatch.prediction.carbon.CarbonReport.GroupBy;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The carbon footprint of every service's model runs: a report over a window, and a printable one per month. */
@RestController
@RequestMapping("/api/v1/carbon")
class CarbonController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final CarbonReports reports;
    private final PredictionProperties properties;

    CarbonController(CarbonReports reports, PredictionProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @Operation(summary = "Carbon report of model runs",
            description = "Energy (kWh) and emissions (g CO2e) of the model runs of every service (training, scoring "
                    + "batches, backtests, forecast issuance, drift runs, ingestion jobs) that started in the window, "
                    + "in total and per model, service or local day, with the energy method each used (rapl or "
                    + "cpu-time). As CSV (Accept: text/csv), one row per group.")
    @GetMapping("/report")
    CarbonReport report(
            @Parameter(description = "Start, inclusive: an instant or a local date", example = "2024-03-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End: an instant (exclusive) or a local date (included whole)",
                    example = "2024-03-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "model, service or day", example = "model")
            @RequestParam(defaultValue = "model") String groupBy) {
        GroupBy groups = Arrays.stream(GroupBy.values())
                .filter(g -> g.name().equalsIgnoreCase(groupBy.trim())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("invalid-carbon-report", "invalid carbon report query",
                        List.of(ProblemError.field("groupBy", groupBy, "one of model, service, day"))));
        return reports.report(TimeWindow.of(from, to), groups);
    }

    @Operation(summary = "Printable monthly carbon report",
            description = "The month's model runs as a printable HTML page: totals, per model, per service, the "
                    + "energy methods used and the equivalence in km driven by an average car.")
    @GetMapping(value = "/report/monthly", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> monthly(
            @Parameter(description = "The month (Europe/Paris)", example = "2024-03")
            @RequestParam String month) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-carbon-report", "invalid carbon report query",
                    List.of(ProblemError.field("month", month, "a month as yyyy-MM, e.g. 2024-03")));
        }
        if (!TimeWindow.storableYear(yearMonth.getYear())) {
            // Elasticsearch's dates end at 9999: a search beyond fails as a whole.
            throw ProblemException.badRequest("invalid-carbon-report", "invalid carbon report query",
                    List.of(ProblemError.field("month", month, TimeWindow.STORABLE_YEARS)));
        }
        var zone = properties.zone();
        var window = new TimeWindow(yearMonth.atDay(1).atStartOfDay(zone).toInstant(),
                yearMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), null);
        String page = MonthlyCarbonPage.render(yearMonth, zone, reports.report(window, GroupBy.MODEL),
                reports.report(window, GroupBy.SERVICE), properties.carbon().carKgCo2PerKm());
        return ResponseEntity.ok().contentType(HTML).body(page);
    }
}
