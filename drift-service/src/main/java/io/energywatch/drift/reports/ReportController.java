package io.energywatch.drift.reports;

import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.analytics.registry.ModelIds;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.watch.WatchedModels;
import io.energywatch.drift.window.EnrichedWindow;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TimeWindow;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** Drift reports: the paged list with filters, one report, and the summary the demo prints. */
@RestController
@RequestMapping("/api/v1/drift")
class ReportController {

    private final ReportStore store;
    private final EnrichedWindow window;
    private final WatchedModels watched;
    private final DriftProperties properties;
    private final Clock clock;

    ReportController(ReportStore store, EnrichedWindow window, WatchedModels watched, DriftProperties properties,
                     Clock clock) {
        this.store = store;
        this.window = window;
        this.watched = watched;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "List drift reports",
            description = "Drift reports filtered by model, status and creation time (from/to), newest first, one "
                    + "page at a time.")
    @GetMapping("/reports")
    PageResponse<DriftReport> reports(@RequestParam(required = false) @Pattern(regexp = ModelIds.ID_PATTERN,
                                              message = "must be a model id (letters, digits, . _ : -)")
                                      @Nullable String model,
                                      @RequestParam(required = false) @Nullable DriftStatus status,
                                      @RequestParam(required = false) @Nullable String from,
                                      @RequestParam(required = false) @Nullable String to,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        PageResponse.validate(page, size);
        var filter = new ReportStore.Filter(model, status, TimeParameter.from("from", from),
                TimeParameter.to("to", to));
        return new PageResponse<>(store.page(filter, page, size), page, size, store.count(filter));
    }

    @Operation(summary = "Get a drift report",
            description = "One drift report with every feature's PSI, status and the recommended actions.")
    @GetMapping("/reports/{id}")
    DriftReport report(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("drift report", id));
    }

    record WindowView(int rows, Optional<Instant> oldest, Optional<Instant> newest) {
    }

    record DriftedFeature(String feature, DriftStatus status, double psi, String summary) {
    }

    record ModelDrift(String modelId, String modelVersion, String reportId, Instant createdAt,
                      DriftReport.Trigger trigger, Instant windowFrom, Instant windowTo, DriftStatus overallStatus,
                      boolean eventPublished, List<DriftedFeature> drifted,
                      List<RecommendedAction> recommendedActions) {
    }

    /**
     * @param watchedModels ids of the watched models
     * @param watched       the same with where each was found (local, mlflow, configured)
     * @param catchUp       runs also happen when stream time has advanced, not only at the crons
     */
    record Schedule(String lightCron, String fullCron, List<String> watchedModels,
                    List<WatchedModels.Watched> watched, boolean catchUp) {
    }

    /**
     * @param window       the enriched window's extent (the data the next runs compare)
     * @param reportWindow the reports counted and listed: those created in it
     */
    record Summary(Instant generatedAt, WindowView window, TimeWindow reportWindow, long totalReports,
                   Map<DriftStatus, Long> reportsByStatus, List<ModelDrift> models, Schedule schedule) {
    }

    /** The latest report of every model, worst first, with its drifted features. */
    @Operation(summary = "Drift summary",
            description = "The latest report of every model, worst first, with its drifted features; the enriched "
                    + "window's extent, report counts by status and the schedule. Reports created in a window when "
                    + "from/to (ISO instants or local dates) or hours=H (the H hours ending at the newest report) is "
                    + "given; the answer echoes it as reportWindow.")
    @GetMapping("/summary")
    Summary summary(
            @Parameter(description = "Inclusive start of creation: ISO instant or local date", example = "2024-01-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "End of creation: an instant (exclusive) or a local date (inclusive)",
                    example = "2024-01-31")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "The H hours ending at the newest report", example = "24")
            @RequestParam(required = false) @Nullable Integer hours) {
        TimeWindow.requireExclusive(from, to, hours, null);
        TimeWindow reportWindow = hours == null
                ? new TimeWindow(TimeParameter.from("from", from), TimeParameter.to("to", to), null)
                : store.newestCreatedAt().map(newest -> TimeWindow.hoursEndingAt(hours, newest.plusMillis(1)))
                        .orElseGet(() -> new TimeWindow(null, null, hours));
        var byStatus = new LinkedHashMap<DriftStatus, Long>();
        long total = 0;
        for (DriftStatus s : DriftStatus.values()) {
            long n = store.count(new ReportStore.Filter(null, s, reportWindow.from(), reportWindow.to()));
            byStatus.put(s, n);
            total += n;
        }
        var inWindow = new ReportStore.Filter(null, null, reportWindow.from(), reportWindow.to());
        var models = store.modelIds().stream().map(model -> store.latest(model, inWindow)).flatMap(Optional::stream)
                .map(r -> new ModelDrift(r.modelId(), r.modelVersion(), r.id(), r.createdAt(), r.trigger(),
                        r.windowFrom(), r.windowTo(), r.overallStatus(), r.eventPublished(), r.features().stream()
                        .filter(f -> f.status() != DriftStatus.STABLE)
                        .sorted(Comparator.comparing(FeatureDrift::psi).reversed())
                        .map(f -> new DriftedFeature(f.feature(), f.status(), f.psi(), f.summary())).toList(),
                        r.recommendedActions()))
                .sorted(Comparator.comparing(ModelDrift::overallStatus).reversed()
                        .thenComparing(ModelDrift::modelId))
                .toList();
        var extent = window.extent();
        var schedule = properties.schedule();
        return new Summary(clock.instant(), new WindowView(extent.rows(), extent.oldest(), extent.newest()),
                reportWindow, total, byStatus, models, new Schedule(schedule.lightCron(), schedule.fullCron(),
                watched.current().stream().map(WatchedModels.Watched::modelId).toList(), watched.current(),
                properties.watch().catchUp().enabled()));
    }
}
