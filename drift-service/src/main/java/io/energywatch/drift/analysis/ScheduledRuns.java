package io.energywatch.drift.analysis;

import io.energywatch.analytics.registry.ModelRegistryException;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.reports.DriftReport;
import io.energywatch.drift.reports.ReportStore;
import io.energywatch.drift.watch.ModelScopes;
import io.energywatch.drift.watch.WatchedModels;
import io.energywatch.service.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The light and full runs of every watched model's champion, in stream time: a run's window ends at the start of the
 * local day of the newest record of the model's series (complete days only), not at the wall clock, so historical or
 * replayed data is analysed in its own time. A kind of run is due when that end has moved its window's length (one day,
 * one week) past the model version's last run of that kind, and only once the data reaches beyond the training window.
 * The crons (02:15 daily, 02:45 on Mondays) check what is due; so does the catch-up check on a fixed delay, which lets
 * a backlog or a simulation produce reports without waiting for the night. Each check runs at most one light and one
 * full run per model, over the newest window only: a backlog of months costs one run, not one per past day. The last
 * run of each kind is read back from the stored reports, so a restart neither repeats nor skips a run.
 */
@Component
public class ScheduledRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

    private final DriftRuns runs;
    private final ReferenceProfiles references;
    private final WatchedModels watched;
    private final ReportStore store;
    private final DriftProperties.Schedule schedule;
    private final boolean catchUp;
    private final Map<RunKey, Instant> lastWindowTo = new HashMap<>();

    private record RunKey(String modelId, String version, DriftReport.Trigger trigger) {
    }

    /** A kind of run: its trigger, cadence (and window length), the length read for daily models, row limit. */
    private record Kind(DriftReport.Trigger trigger, Duration length, Duration dailyLength, int maxRows) {
    }

    ScheduledRuns(DriftRuns runs, ReferenceProfiles references, WatchedModels watched, ReportStore store,
                  DriftProperties properties) {
        this.runs = runs;
        this.references = references;
        this.watched = watched;
        this.store = store;
        this.schedule = properties.schedule();
        this.catchUp = properties.watch().catchUp().enabled();
    }

    @Scheduled(cron = "${energywatch.drift.schedule.light-cron}", zone = "${energywatch.drift.schedule.zone}")
    void light() {
        runDue(List.of(light(schedule)));
    }

    @Scheduled(cron = "${energywatch.drift.schedule.full-cron}", zone = "${energywatch.drift.schedule.zone}")
    void full() {
        runDue(List.of(full(schedule)));
    }

    @Scheduled(fixedDelayString = "${energywatch.drift.watch.catch-up.check-interval}",
            initialDelayString = "${energywatch.drift.watch.catch-up.check-interval}")
    void catchUp() {
        if (catchUp) {
            runDue(List.of(light(schedule), full(schedule)));
        }
    }

    /** Runs every due light and full run of every watched model now; returns the reports. */
    public List<DriftReport> runDue() {
        return runDue(List.of(light(schedule), full(schedule)));
    }

    private synchronized List<DriftReport> runDue(List<Kind> kinds) {
        var reports = new ArrayList<DriftReport>();
        for (var model : watched.current()) {
            try {
                ModelVersion champion = references.version(model.modelId(), null);
                Optional<Instant> streamTime = runs.streamTime(champion);
                if (streamTime.isEmpty()) {
                    continue;
                }
                Instant to = endOfCompleteDays(streamTime.get(), schedule.zone());
                if (!to.isAfter(champion.trainingWindow().to())) {
                    continue;
                }
                boolean daily = ModelScopes.of(champion).daily();
                for (Kind kind : kinds) {
                    Duration length = daily ? kind.dailyLength() : kind.length();
                    var key = new RunKey(champion.modelId(), champion.version(), kind.trigger());
                    Optional<Instant> last = Optional.ofNullable(lastWindowTo.get(key))
                            .or(() -> store.lastWindowTo(key.modelId(), key.version(), key.trigger()));
                    // Due once the end has moved a whole window (a day, a week) past the last run: the cadence, not
                    // the length read, which is longer for daily models.
                    if (last.isPresent() && last.get().plus(kind.length()).isAfter(to)) {
                        continue;
                    }
                    var report = runs.againstWindow(champion, to.minus(length), to, kind.maxRows(),
                            kind.trigger());
                    lastWindowTo.put(key, to);
                    reports.add(report);
                    log.info("{} drift run of {} v{} over {}..{}: {} on {} rows, {} actions", kind.trigger(),
                            champion.modelId(), champion.version(), report.windowFrom(), report.windowTo(),
                            report.overallStatus(), report.currentRows(), report.recommendedActions().size());
                }
            } catch (ProblemException | ModelRegistryException e) {
                // One model without a version (or MLflow down) must not stop the runs of the others.
                log.error("Drift run of {} failed: {}", model.modelId(), e.getMessage());
            }
        }
        return reports;
    }

    /** The start of the local day holding the stream time: the end of the last complete day. */
    static Instant endOfCompleteDays(Instant streamTime, ZoneId zone) {
        return streamTime.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    private static Kind light(DriftProperties.Schedule schedule) {
        return new Kind(DriftReport.Trigger.SCHEDULED_LIGHT, schedule.lightWindow(), schedule.dailyLightWindow(),
                schedule.lightMaxRows());
    }

    private static Kind full(DriftProperties.Schedule schedule) {
        return new Kind(DriftReport.Trigger.SCHEDULED_FULL, schedule.fullWindow(), schedule.dailyFullWindow(),
                Integer.MAX_VALUE);
    }
}
