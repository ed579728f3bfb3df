package io.energywatch.drift.reports;

import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.contracts.DriftStatus;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A month of drift runs, per model: how many, the worst status, the features that drifted most and the actions the
 * reports recommended. A run belongs to the month its window ends in (data time, Europe/Paris), so a replayed year
 * gets the same monthly reports as one watched live.
 *
 * @param from start of the month, inclusive (window ends after it)
 * @param to   end of the month, inclusive (a window ending at midnight belongs to the day before)
 */
public record MonthlyReport(YearMonth month, Instant from, Instant to, Instant generatedAt, long runs,
                            Map<DriftStatus, Long> runsByStatus, List<ModelMonth> models) {

    /**
     * @param versions        model versions that ran in the month
     * @param worstReportId   the first report with the worst status
     * @param eventsPublished DriftDetected events the month's reports published
     */
    public record ModelMonth(String modelId, List<String> versions, long runs,
                             Map<DriftReport.Trigger, Long> runsByTrigger, DriftStatus worstStatus,
                             String worstReportId, long eventsPublished, List<FeatureMonth> topFeatures,
                             List<ActionMonth> actions) {
    }

    /**
     * @param maxPsi       the feature's highest PSI in a run of the month
     * @param driftedRuns  runs where it drifted moderately or more
     * @param worstSummary the sentence of the run with the highest PSI
     */
    public record FeatureMonth(String feature, double maxPsi, DriftStatus worstStatus, long driftedRuns,
                               String worstSummary) {
    }

    /** An action recommended in the month, with how many reports recommended it and the latest reason. */
    public record ActionMonth(RecommendedAction.Action action, String target, long reports, String lastReason) {
    }

    /** Summarises reports of one month, given oldest window first. */
    public static MonthlyReport of(YearMonth month, Instant from, Instant to, Instant now, List<DriftReport> reports,
                                   int topFeatures) {
        var byStatus = new EnumMap<DriftStatus, Long>(DriftStatus.class);
        for (DriftStatus s : DriftStatus.values()) {
            byStatus.put(s, 0L);
        }
        var byModel = new TreeMap<String, List<DriftReport>>();
        for (DriftReport r : reports) {
            byStatus.merge(r.overallStatus(), 1L, Long::sum);
            byModel.computeIfAbsent(r.modelId(), k -> new ArrayList<>()).add(r);
        }
        var models = new ArrayList<ModelMonth>();
        byModel.forEach((modelId, runs) -> models.add(model(modelId, runs, topFeatures)));
        models.sort(Comparator.comparing(ModelMonth::worstStatus).reversed().thenComparing(ModelMonth::modelId));
        return new MonthlyReport(month, from, to, now, reports.size(), byStatus, List.copyOf(models));
    }

    private static ModelMonth model(String modelId, List<DriftReport> runs, int topFeatures) {
        var versions = new TreeSet<String>(Comparator.comparingInt(MonthlyReport::versionOrder)
                .thenComparing(Comparator.naturalOrder()));
        var byTrigger = new EnumMap<DriftReport.Trigger, Long>(DriftReport.Trigger.class);
        DriftReport worst = runs.getFirst();
        long events = 0;
        var features = new LinkedHashMap<String, FeatureMonth>();
        var actions = new LinkedHashMap<String, ActionMonth>();
        for (DriftReport r : runs) {
            versions.add(r.modelVersion());
            byTrigger.merge(r.trigger(), 1L, Long::sum);
            if (r.overallStatus().compareTo(worst.overallStatus()) > 0) {
                worst = r;
            }
            events += r.eventPublished() ? 1 : 0;
            for (FeatureDrift f : r.features()) {
                long drifted = f.status().compareTo(DriftStatus.MODERATE) >= 0 ? 1 : 0;
                features.merge(f.feature(), new FeatureMonth(f.feature(), f.psi(), f.status(), drifted, f.summary()),
                        (a, b) -> new FeatureMonth(a.feature(), Math.max(a.maxPsi(), b.maxPsi()),
                                a.worstStatus().compareTo(b.worstStatus()) >= 0 ? a.worstStatus() : b.worstStatus(),
                                a.driftedRuns() + b.driftedRuns(),
                                b.maxPsi() > a.maxPsi() ? b.worstSummary() : a.worstSummary()));
            }
            for (RecommendedAction a : r.recommendedActions()) {
                actions.merge(a.action() + " " + a.target(), new ActionMonth(a.action(), a.target(), 1, a.reason()),
                        (x, y) -> new ActionMonth(x.action(), x.target(), x.reports() + 1, y.lastReason()));
            }
        }
        var top = features.values().stream().sorted(Comparator.comparingDouble(FeatureMonth::maxPsi).reversed())
                .limit(topFeatures).toList();
        var actionList = actions.values().stream().sorted(Comparator.comparing(ActionMonth::action)
                .thenComparing(Comparator.comparingLong(ActionMonth::reports).reversed())).toList();
        return new ModelMonth(modelId, List.copyOf(versions), runs.size(), byTrigger, worst.overallStatus(),
                worst.id(), events, top, actionList);
    }

    private static int versionOrder(String version) {
        return version.chars().allMatch(Character::isDigit) && !version.isEmpty() && version.length() < 9
                ? Integer.parseInt(version) : Integer.MAX_VALUE;
    }
}
